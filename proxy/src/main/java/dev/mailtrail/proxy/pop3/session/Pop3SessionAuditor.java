package dev.mailtrail.proxy.pop3.session;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.imap.codec.FetchItem;
import dev.mailtrail.proxy.imap.codec.FetchSection;
import dev.mailtrail.proxy.imap.codec.ImapSyntaxException;
import dev.mailtrail.proxy.pop3.codec.Pop3Request;
import dev.mailtrail.proxy.pop3.codec.Pop3Response;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import dev.mailtrail.proxy.session.FailedLogins;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.Identity;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.MessageLookup;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.proxy.session.SaslPlain;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Audits one POP3 connection (RFC 1939). Login (USER/PASS, AUTH PLAIN, {@code user*master}) is a MailboxLogin;
 * RETR and TOP with lines are reads of the INBOX, a Sync under rule P1 (an enumeration by STAT, UIDL, LIST or
 * LAST before, or several retrievals) and otherwise a Bind, decided when the session ends; DELE only marks, and the
 * marked messages are a HardDelete when QUIT enters the UPDATE state (RFC 1939 §6). Decided on delivery (the
 * proxy's strict mode), each retrieved message is decided and emitted as it goes out instead: a Sync once the
 * session has enumerated or retrieved before, else a Bind. Not thread-safe.
 */
public final class Pop3SessionAuditor {

    private enum State {
        AUTHORIZATION,
        TRANSACTION,
        UPDATE
    }

    private final String masterSeparator;
    private final DownloadRuleConfig rule;
    private final String sessionId;
    private final String clientIp;
    private final Clock clock;
    private final AccessEventSink sink;
    private final boolean decideOnDelivery;
    private final Deque<Pop3Request.Command> pending = new ArrayDeque<>();
    private final Map<Long, String> uidls = new LinkedHashMap<>();
    private final Map<String, ItemRef> read = new LinkedHashMap<>();
    private final Set<Long> marked = new LinkedHashSet<>();
    private final Map<Long, MessageIdentity> named = new LinkedHashMap<>();
    private String lookupFailure;

    private State state = State.AUTHORIZATION;
    private String user;
    private Identity identity;
    private FolderAccess inbox;
    private boolean enumerated;
    private int retrievals;
    private Instant firstRead;
    private boolean closed;
    /** The reads and the deletion have been emitted ({@link #decide}). */
    private boolean decided;
    /** The item whose retrieval was recorded before its end went out ({@link #streaming}). */
    private String streamed;
    /** Where retrievals journal their intents (strict mode); null: none are made. */
    private Pop3Intents intents;

    public Pop3SessionAuditor(
            String masterSeparator,
            DownloadRuleConfig rule,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink sink) {
        this(masterSeparator, rule, sessionId, clientIp, clock, sink, false);
    }

    /** @param decideOnDelivery emit each retrieval's Bind or Sync as it goes out, rather than when the session ends */
    public Pop3SessionAuditor(
            String masterSeparator,
            DownloadRuleConfig rule,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink sink,
            boolean decideOnDelivery) {
        this.decideOnDelivery = decideOnDelivery;
        this.masterSeparator = masterSeparator;
        this.rule = rule;
        this.sessionId = sessionId;
        this.clientIp = clientIp;
        this.clock = clock;
        this.sink = sink;
    }

    /**
     * The messages a QUIT is about to delete that the session never retrieved, to be named by the server before it
     * gets the QUIT (POP3 numbers are the INBOX's sequence numbers); null when there are none.
     */
    public MessageLookup namingNeeded(Pop3Request.Command command) {
        if (!command.name().equals("QUIT") || state != State.TRANSACTION || inbox == null) {
            return null;
        }
        List<String> unread = new ArrayList<>();
        for (long n : marked) {
            if (n > 0 && !read.containsKey(itemId(n))) {
                unread.add(String.valueOf(n));
            }
        }
        return unread.isEmpty()
                ? null
                : new MessageLookup(inbox, new MessageSelection.Sequences(String.join(",", unread)));
    }

    /** What the lookup found for {@link #namingNeeded}: each message's identity by its number. */
    public void lookedUp(MessageLookup lookup, LookupResult result, MessageIdentityResolver identities) {
        lookupFailure = result.failure();
        FolderAccess folder = lookup.folder();
        result.uidsBySequence().forEach((n, uid) -> identities
                .find(folder.folderKey(), folder.uidValidity(), uid)
                .ifPresent(id -> named.put(n, id)));
    }

    /** Strict mode: each retrieval journals its intent through {@code sink} (docs/decisions/0011). */
    public void intentsTo(dev.mailtrail.proxy.session.IntentSink sink) {
        intents = sink == null ? null : new Pop3Intents(sink, sessionId);
    }

    /** The id the retrieval now being answered carries, when it is one (RETR, TOP with lines); else null. */
    public String answeringItemId() {
        Pop3Request.Command command = pending.peek();
        return command != null && state == State.TRANSACTION && reveals(command)
                ? itemId(number(command.arguments().getFirst()))
                : null;
    }

    private static boolean reveals(Pop3Request.Command command) {
        List<String> args = command.arguments();
        return !args.isEmpty()
                && (command.name().equals("RETR")
                        || command.name().equals("TOP")
                                && args.size() > 1
                                && !args.get(1).equals("0"));
    }

    public void onRequest(Pop3Request request) {
        switch (request) {
            case Pop3Request.Command c -> {
                pending.add(c);
                if (intents != null && state == State.TRANSACTION && reveals(c)) {
                    intents.retrieval(c, inbox, itemId(number(c.arguments().getFirst())), clock.instant());
                }
                if (intents != null && state == State.TRANSACTION && c.name().equals("QUIT")) {
                    // before the server has it: the UPDATE state removes the marked messages for good
                    Set<Long> toRemove = markedBy(pending);
                    if (!toRemove.isEmpty()) {
                        intents.deletion(c, inbox, removed(toRemove), clock.instant());
                    }
                }
                if (c.name().equals("AUTH") && c.arguments().size() > 1) {
                    plain(c.arguments().get(1));
                } else if (c.name().equals("USER") && !c.arguments().isEmpty()) {
                    user = c.arguments().getFirst();
                }
            }
            case Pop3Request.AuthResponse r -> plain(r.line());
            case Pop3Request.Malformed m -> {}
        }
    }

    private static String nameOf(Identity who) {
        return who == null ? null : who.actor();
    }

    private void plain(String base64) {
        Pop3Request.Command auth = pending.peekLast();
        if (auth != null
                && auth.name().equals("AUTH")
                && auth.arguments().getFirst().equalsIgnoreCase("PLAIN")) {
            SaslPlain.decode(base64)
                    .ifPresent(p -> identity = Identity.ofLogin(p.authzid(), p.authcid(), masterSeparator));
        }
    }

    public void onResponse(Pop3Response response) {
        if (response instanceof Pop3Response.Continuation) {
            return;
        }
        Pop3Request.Command command = pending.poll();
        if (command == null) {
            return; // the greeting
        }
        boolean ok = !(response instanceof Pop3Response.Status s) || s.ok();
        if (ok) {
            completed(command, response);
        }
        if (intents != null && inbox != null) {
            // after the retrieval it revealed was emitted: journaled before this outcome
            intents.answered(command, ok, inbox, clock.instant());
        }
        if (ok) {
            return;
        } else if (state == State.AUTHORIZATION
                && (command.name().equals("PASS")
                        || command.name().equals("AUTH") && !command.arguments().isEmpty())) {
            FailedLogins.log(
                    "POP3",
                    sessionId,
                    command.name().equals("PASS") ? user : nameOf(identity),
                    clientIp,
                    "Client=POP3");
        }
    }

    private void completed(Pop3Request.Command command, Pop3Response response) {
        List<String> args = command.arguments();
        switch (command.name()) {
            case "PASS" -> login(user == null ? null : Identity.ofLogin(null, user, masterSeparator));
            case "AUTH" -> login(identity);
            // STAT counts the maildrop before a download: fetchmail's "fetchall" sends it, then LIST n and RETR n
            case "STAT" -> enumerated = true;
            case "UIDL", "LIST", "LAST" -> {
                enumerated |= args.isEmpty();
                if (command.name().equals("UIDL") && response instanceof Pop3Response.MultiLine m) {
                    uidls(m.captured());
                }
            }
            case "RETR", "TOP" -> {
                boolean body = command.name().equals("RETR")
                        || (args.size() > 1 && !args.get(1).equals("0"));
                if (body && response instanceof Pop3Response.MultiLine m && !args.isEmpty()) {
                    retrieved(number(args.getFirst()), m);
                }
            }
            case "DELE" -> marked.add(number(args.isEmpty() ? "0" : args.getFirst()));
            case "RSET" -> marked.clear();
            case "QUIT" -> {
                if (state == State.TRANSACTION) {
                    state = State.UPDATE;
                    decide(); // before the QUIT's outcome: its HardDelete completes the QUIT's intent
                }
            }
            default -> {}
        }
    }

    /**
     * Strict mode: the answer to the RETR or TOP being read is too large to hold whole, and its bytes are about to
     * go out before its end: the retrieval is decided now from {@code soFar} (its headers, the size it announces),
     * so its record is durable before the client has the first byte. Its completion adds no second record.
     */
    public void streaming(Pop3Response.MultiLine soFar) {
        Pop3Request.Command command = pending.peek();
        if (command == null || state != State.TRANSACTION || command.arguments().isEmpty()) {
            return;
        }
        List<String> args = command.arguments();
        boolean body = command.name().equals("RETR")
                || (command.name().equals("TOP")
                        && args.size() > 1
                        && !args.get(1).equals("0"));
        if (body) {
            retrieved(number(args.getFirst()), soFar);
            streamed = itemId(number(args.getFirst()));
        }
    }

    private void login(Identity who) {
        if (who == null || state != State.AUTHORIZATION) {
            return;
        }
        identity = who;
        state = State.TRANSACTION;
        Session session = new Session(sessionId, clientIp, "Client=POP3", null);
        String stem = who.mailbox() + "/INBOX";
        inbox = new FolderAccess(
                who.actor(), who.mailbox(), who.logonType(), session, new FolderRef(stem, "\\Inbox"), stem, 0);
        sink.accept(new MailboxAccess(
                clock.instant(),
                who.actor(),
                who.mailbox(),
                who.logonType(),
                MailboxAction.MAILBOX_LOGIN,
                null,
                session,
                null,
                null,
                List.of(),
                null,
                List.of()));
    }

    private void retrieved(long n, Pop3Response.MultiLine m) {
        if (itemId(n).equals(streamed)) {
            streamed = null; // recorded as it started to go out: the same retrieval, now with its size
            ItemRef early = read.get(itemId(n));
            read.put(itemId(n), new ItemRef(early.internetMessageId(), early.id(), m.size(), early.subject()));
            return;
        }
        retrievals++;
        if (firstRead == null) {
            firstRead = clock.instant();
        }
        String messageId = null;
        String subject = null;
        try {
            FetchSection headers = new FetchSection(FetchItem.parse("BODY[]"), m.size(), m.captured());
            messageId = headers.headerField("Message-ID").orElse(null);
            subject = headers.headerField("Subject").orElse(null);
        } catch (ImapSyntaxException e) {
            throw new IllegalStateException(e);
        }
        String id = itemId(n);
        ItemRef item = new ItemRef(messageId, id, m.size() < 0 ? null : m.size(), subject);
        if (read.putIfAbsent(id, item) == null && decideOnDelivery) {
            boolean sync = enumerated || retrievals >= rule.pop3Retrievals();
            sink.accept(inbox.read(clock.instant(), sync ? MailAccessType.SYNC : MailAccessType.BIND, List.of(item)));
        }
    }

    private String itemId(long n) {
        String uidl = uidls.get(n);
        return inbox.folder().id() + (uidl != null ? ";uidl=" + uidl : ";msg=" + n);
    }

    private void uidls(byte[] captured) {
        for (String l : new String(captured, StandardCharsets.UTF_8).split("\r\n")) {
            String[] w = l.trim().split(" ");
            if (w.length == 2) {
                uidls.put(number(w[0]), w[1]);
            }
        }
    }

    /** The connection ended (QUIT or a drop): the reads are decided and emitted now, and open intents are lost. */
    public void close() {
        if (closed || inbox == null) {
            return;
        }
        closed = true;
        decide();
        if (intents != null) {
            intents.lost(inbox, clock.instant());
        }
    }

    /** Emits the reads not yet decided and, once QUIT entered the UPDATE state, the HardDelete of the marked. */
    private void decide() {
        if (decided || inbox == null) {
            return;
        }
        decided = true;
        if (!read.isEmpty() && !decideOnDelivery) {
            boolean sync = enumerated || retrievals >= rule.pop3Retrievals();
            MailAccessType type = sync ? MailAccessType.SYNC : MailAccessType.BIND;
            sink.accept(inbox.read(firstRead, type, List.copyOf(read.values())));
        }
        if (state == State.UPDATE && !marked.isEmpty()) {
            List<ItemRef> gone = removed(marked);
            List<String> unnamed = marked.stream()
                    .filter(n -> !read.containsKey(itemId(n)) && !named.containsKey(n))
                    .map(n -> itemId(n).substring(itemId(n).lastIndexOf(';') + 1))
                    .toList();
            List<NameValue> why = lookupFailure == null || unnamed.isEmpty()
                    ? List.of()
                    : List.of(new NameValue(
                            "MailTrailItemIdentity",
                            "unknown for " + String.join(",", unnamed) + ": " + lookupFailure));
            sink.accept(inbox.event(clock.instant(), MailboxAction.HARD_DELETE, null, null, gone, why));
        }
    }

    /**
     * The messages marked once the commands {@code pending} (in order, not yet answered) are: a DELE pipelined before a
     * QUIT marks too, an RSET clears.
     */
    private Set<Long> markedBy(Iterable<Pop3Request.Command> pending) {
        Set<Long> out = new LinkedHashSet<>(marked);
        for (Pop3Request.Command p : pending) {
            if (p.name().equals("DELE") && !p.arguments().isEmpty()) {
                out.add(number(p.arguments().getFirst()));
            } else if (p.name().equals("RSET")) {
                out.clear();
            }
        }
        return out;
    }

    /** The messages {@code numbers}, named by their retrieval or by the lookup where either named them. */
    private List<ItemRef> removed(Set<Long> numbers) {
        List<ItemRef> gone = new ArrayList<>();
        for (long n : numbers) {
            ItemRef known = read.get(itemId(n));
            MessageIdentity id = named.get(n);
            gone.add(
                    known != null
                            ? known
                            : id != null
                                    ? new ItemRef(id.internetMessageId(), itemId(n), id.size(), id.subject())
                                    : new ItemRef(null, itemId(n), null, null));
        }
        return gone;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.toLowerCase(Locale.ROOT).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
