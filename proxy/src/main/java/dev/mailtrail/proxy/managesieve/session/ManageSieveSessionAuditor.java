package dev.mailtrail.proxy.managesieve.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.managesieve.codec.SieveRequest;
import dev.mailtrail.proxy.managesieve.codec.SieveResponse;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.CmdletEventSink;
import dev.mailtrail.proxy.session.FailedLogins;
import dev.mailtrail.proxy.session.Identity;
import dev.mailtrail.proxy.session.SaslPlain;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Audits one ManageSieve connection (RFC 5804). A login (AUTHENTICATE PLAIN or LOGIN; a master user's
 * {@code user*master} or authzid) is a MailboxLogin of the user's mailbox. Once the server answers OK, PUTSCRIPT,
 * SETACTIVE, DELETESCRIPT and RENAMESCRIPT become Exchange's inbox-rule cmdlets ({@link RuleRecords}), compared with
 * the scripts this session saw; a NO leaves the same cmdlet refused, with the server's answer. Not thread-safe.
 */
public final class ManageSieveSessionAuditor {

    private static final String CLIENT_INFO = "Client=ManageSieve";

    private record Pending(SieveRequest.Command command, List<SieveResponse.Data> data) {}

    private final String masterSeparator;
    private final Set<String> internalDomains;
    private final Function<String, Optional<String>> endUser;
    private Session session;
    private final Clock clock;
    private final AccessEventSink accesses;
    private final CmdletEventSink cmdlets;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final SeenScripts scripts = new SeenScripts();

    private Identity identity;
    private Identity candidate;
    private String loginName;
    private RuleRecords records;

    /**
     * @param internalDomains domains besides the mailbox's own whose addresses are not external (lower-case)
     */
    public ManageSieveSessionAuditor(
            String masterSeparator,
            Set<String> internalDomains,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink accesses,
            CmdletEventSink cmdlets) {
        this(
                masterSeparator,
                internalDomains,
                sessionId,
                clientIp,
                clock,
                accesses,
                cmdlets,
                mailbox -> Optional.empty());
    }

    /**
     * @param endUser the end user's address a trusted front end named for a mailbox's IMAP login, if any
     *     ({@link dev.mailtrail.proxy.session.EndUserAddresses}): a ManageSieve session from webmail carries none
     */
    public ManageSieveSessionAuditor(
            String masterSeparator,
            Set<String> internalDomains,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink accesses,
            CmdletEventSink cmdlets,
            Function<String, Optional<String>> endUser) {
        this.endUser = endUser;
        this.masterSeparator = masterSeparator;
        this.internalDomains = Set.copyOf(internalDomains);
        this.session = new Session(sessionId, clientIp, CLIENT_INFO, null);
        this.clock = clock;
        this.accesses = accesses;
        this.cmdlets = cmdlets;
    }

    public void onRequest(SieveRequest request) {
        switch (request) {
            case SieveRequest.Command c -> {
                pending.add(new Pending(c, new ArrayList<>()));
                if (c.name().equals("AUTHENTICATE")) {
                    candidate = null;
                    loginName = null;
                    if (c.arguments().size() > 1) {
                        saslAnswer(c, c.arguments().get(1));
                    }
                }
            }
            case SieveRequest.AuthResponse r -> {
                Pending auth = pending.peekLast();
                if (auth != null && auth.command().name().equals("AUTHENTICATE")) {
                    saslAnswer(auth.command(), r.value());
                }
            }
            case SieveRequest.Malformed m -> {}
        }
    }

    private void saslAnswer(SieveRequest.Command auth, String base64) {
        String mechanism =
                auth.arguments().isEmpty() ? "" : auth.arguments().getFirst().toUpperCase(Locale.ROOT);
        if (mechanism.equals("PLAIN")) {
            SaslPlain.decode(base64).ifPresent(p -> {
                loginName = p.authcid();
                candidate = Identity.ofLogin(p.authzid(), p.authcid(), masterSeparator);
            });
        } else if (mechanism.equals("LOGIN") && loginName == null) {
            SaslPlain.decodeName(base64).ifPresent(name -> {
                loginName = name;
                candidate = Identity.ofLogin(null, name, masterSeparator);
            });
        }
    }

    public void onResponse(SieveResponse response) {
        switch (response) {
            case SieveResponse.Data d -> {
                Pending p = pending.peek();
                if (p != null) {
                    p.data().add(d);
                }
            }
            case SieveResponse.Final f -> {
                Pending p = pending.poll();
                if (p != null) {
                    completed(p, f);
                }
            }
            case SieveResponse.Continuation c -> {}
            case SieveResponse.Unreadable u -> {}
        }
    }

    private void completed(Pending p, SieveResponse.Final answer) {
        SieveRequest.Command c = p.command();
        boolean ok = answer.status() == SieveResponse.Status.OK;
        List<String> args = c.arguments();
        if (c.name().equals("AUTHENTICATE")) {
            if (ok) {
                login();
            } else {
                FailedLogins.log("ManageSieve", session.id(), loginName, session.clientIp(), CLIENT_INFO);
            }
            return;
        }
        if (c.name().equals("UNAUTHENTICATE") && ok) {
            identity = null;
            records = null;
            return;
        }
        if (records == null) {
            return; // not logged in: the server refuses every script command
        }
        switch (c.name()) {
            case "LISTSCRIPTS" -> {
                if (ok) {
                    scripts.active(activeIn(p.data()));
                    scripts.listed(p.data().stream()
                            .filter(d -> !d.words().isEmpty())
                            .map(d -> d.words().getFirst())
                            .toList());
                }
            }
            case "GETSCRIPT" -> {
                if (ok
                        && args.size() == 1
                        && !c.truncated()
                        && p.data().size() == 1
                        && !p.data().getFirst().truncated()) {
                    List<String> words = p.data().getFirst().words();
                    if (words.size() == 1) {
                        scripts.text(args.getFirst(), words.getFirst());
                    }
                }
            }
            case "PUTSCRIPT" -> {
                if (args.size() == 2) {
                    putScript(args.get(0), args.get(1), c.truncated(), ok, answer);
                }
            }
            case "SETACTIVE" -> {
                if (args.size() == 1) {
                    setActive(args.getFirst(), ok, answer);
                }
            }
            case "DELETESCRIPT" -> {
                if (args.size() == 1) {
                    String name = args.getFirst();
                    if (ok) {
                        emit(records.delete(name, scripts.text(name)));
                        scripts.forget(name);
                    } else {
                        emit(List.of(records.refused("Remove-InboxRule", name, null, words(answer))));
                    }
                }
            }
            case "RENAMESCRIPT" -> {
                if (args.size() == 2) {
                    if (ok) {
                        emit(List.of(records.rename(args.get(0), args.get(1))));
                        scripts.renamed(args.get(0), args.get(1));
                    } else {
                        emit(List.of(records.refused("Set-InboxRule", args.get(0), null, words(answer))));
                    }
                }
            }
            default -> {}
        }
    }

    private void putScript(String name, String text, boolean truncated, boolean ok, SieveResponse.Final answer) {
        Optional<String> before = scripts.text(name);
        String cmdlet = scripts.exists(name) ? "Set-InboxRule" : "New-InboxRule";
        if (!ok) {
            emit(List.of(records.refused(cmdlet, name, truncated ? null : text, words(answer))));
            return;
        }
        if (truncated) {
            scripts.unknown(name); // too large to keep: what follows cannot be compared with it
            emit(List.of(RuleCmdlet.of(cmdlet, identity.mailbox())
                    .value(cmdlet.equals("New-InboxRule") ? "Name" : "Identity", name)
                    .value("SieveScript", name)
                    .value("SieveRule", "(larger than the proxy keeps; it begins) " + text)
                    .text()));
            return;
        }
        emit(records.put(name, before, text, scripts.isActive(name)));
        scripts.stored(name, text);
    }

    private void setActive(String name, boolean ok, SieveResponse.Final answer) {
        String previous = scripts.active();
        if (!ok) {
            String cmdlet = name.isEmpty() ? "Disable-InboxRule" : "Enable-InboxRule";
            emit(List.of(records.refused(cmdlet, name.isEmpty() ? "*" : name, null, words(answer))));
            return;
        }
        if (name.isEmpty()) {
            emit(records.deactivate(previous, previous == null ? Optional.empty() : scripts.text(previous)));
            scripts.active(null);
            return;
        }
        if (scripts.activeKnown() && name.equals(previous)) {
            return; // already the active script: nothing changes
        }
        Optional<String> previousText;
        if (!scripts.activeKnown()) {
            previousText = Optional.empty();
            previous = "";
        } else {
            previousText = previous == null ? Optional.of("") : scripts.text(previous);
        }
        emit(records.activate(
                name, scripts.text(name), previous == null || previous.isEmpty() ? null : previous, previousText));
        scripts.active(name);
    }

    private static String activeIn(List<SieveResponse.Data> listing) {
        for (SieveResponse.Data d : listing) {
            if (d.words().size() == 2 && d.words().get(1).equalsIgnoreCase("ACTIVE")) {
                return d.words().getFirst();
            }
        }
        return null;
    }

    private static String words(SieveResponse.Final answer) {
        String text = answer.status()
                + (answer.code() == null ? "" : " (" + answer.code() + ")")
                + (answer.text() == null ? "" : " " + answer.text());
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }

    private void login() {
        if (candidate == null) {
            return;
        }
        identity = candidate;
        Set<String> domains = new LinkedHashSet<>(internalDomains);
        int at = identity.mailbox().lastIndexOf('@');
        if (at >= 0) {
            domains.add(identity.mailbox().substring(at + 1).toLowerCase(Locale.ROOT));
        }
        records = new RuleRecords(identity.mailbox(), domains);
        endUser.apply(identity.mailbox()).ifPresent(ip -> session = new Session(session.id(), ip, CLIENT_INFO, null));
        accesses.accept(new MailboxAccess(
                clock.instant(),
                identity.actor(),
                identity.mailbox(),
                identity.logonType(),
                MailboxAction.MAILBOX_LOGIN,
                null,
                session,
                null,
                null,
                List.of(),
                null,
                List.of()));
    }

    private void emit(List<String> lines) {
        for (String line : lines) {
            cmdlets.accept(new CmdletInvocation(clock.instant(), identity.actor(), line, session));
        }
    }

    /** The connection ended. Nothing is held back: every change was recorded when the server answered it. */
    public void close() {
        pending.clear();
    }
}
