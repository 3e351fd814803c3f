package dev.mailtrail.proxy.smtp.session;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.proxy.session.AccessEventSink;
import dev.mailtrail.proxy.session.FailedLogins;
import dev.mailtrail.proxy.session.Identity;
import dev.mailtrail.proxy.session.IntentSink;
import dev.mailtrail.proxy.session.SaslPlain;
import dev.mailtrail.proxy.smtp.codec.Addresses;
import dev.mailtrail.proxy.smtp.codec.MessageHeaders;
import dev.mailtrail.proxy.smtp.codec.SmtpReply;
import dev.mailtrail.proxy.smtp.codec.SmtpRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits one submission connection. AUTH PLAIN or LOGIN accepted by the server (235) is a MailboxLogin and names
 * the actor. A message the server accepts after DATA (250) is a Send, SendAs or SendOnBehalf ({@link SentMessage})
 * whose item carries the message's Message-ID, Subject and size; one it refuses is the same operation with result
 * Failed, and so is a transaction that ends without a message because the sender or every recipient was refused.
 * In strict mode ({@link #intentsTo}) the end of a message's DATA journals the send it announces at once, so that
 * the journal's sync overlaps the server's queueing ({@link SendIntents}). Replies arrive in the order of the
 * commands (RFC 2920). Not thread-safe.
 */
public final class SmtpSessionAuditor {

    private static final System.Logger LOG = System.getLogger(SmtpSessionAuditor.class.getName());
    private static final Pattern QUEUED_AS = Pattern.compile("queued as ([A-Za-z0-9]+)");

    /** One MAIL transaction: its envelope sender and what became of its recipients. */
    private static final class Transaction {
        final String envelopeSender;
        int accepted;
        int refused;
        SmtpReply lastRefusal;

        Transaction(String envelopeSender) {
            this.envelopeSender = envelopeSender;
        }
    }

    private final String masterSeparator;
    private final MailboxNames names;
    private final String sessionId;
    private final Clock clock;
    private final AccessEventSink sink;
    private final Deque<SmtpRequest> pending = new ArrayDeque<>();
    private String clientIp;
    private String helo;
    private String authMechanism;
    private String authName;
    private Identity candidate;
    private Identity identity;
    private Transaction transaction;
    private int messages;
    private boolean closed;
    private SendIntents intents;

    public SmtpSessionAuditor(
            String masterSeparator,
            MailboxNames names,
            String sessionId,
            String clientIp,
            Clock clock,
            AccessEventSink sink) {
        this.masterSeparator = masterSeparator;
        this.names = names;
        this.sessionId = sessionId;
        this.clientIp = clientIp;
        this.clock = clock;
        this.sink = sink;
    }

    /** Whether the client has logged in (a completed AUTH). */
    public boolean loggedIn() {
        return identity != null;
    }

    /**
     * Strict mode: each message's send is announced to {@code sink} when its DATA ends, before the server's reply
     * (docs/decisions/0011).
     */
    public void intentsTo(IntentSink sink) {
        intents = sink == null ? null : new SendIntents(sink, sessionId);
    }

    /**
     * The id of the open intent the reply now awaited answers (the reply to a message's end in strict mode), so that
     * the send decided from it stands behind that intent's acknowledgement; null otherwise.
     */
    public String answeringIntent() {
        return intents != null && pending.peek() instanceof SmtpRequest.MessageEnd m ? intents.idOf(m) : null;
    }

    /** A trusted host named the real client (XCLIENT ADDR=): later events carry that address. */
    public void clientAddress(String ip) {
        clientIp = ip;
    }

    public void onRequest(SmtpRequest request) {
        switch (request) {
            case SmtpRequest.Command c -> {
                pending.add(c);
                if (c.verb().equals("AUTH")) {
                    authStart(c.argument());
                }
            }
            case SmtpRequest.AuthResponse r -> authAnswer(r.line());
            case SmtpRequest.MessageEnd m -> {
                pending.add(m);
                announce(m);
            }
            case SmtpRequest.Malformed m -> {}
        }
    }

    /** The send a message's end announces, as its 250 will record it; nothing without a login (no actor). */
    private void announce(SmtpRequest.MessageEnd m) {
        if (intents == null || identity == null) {
            return;
        }
        Outgoing o = outgoing(m, null, messages + 1);
        intents.announced(m, access(o, ResultStatus.SUCCEEDED, List.of()));
    }

    private void authStart(String argument) {
        String[] w = argument.strip().split(" ", 2);
        authMechanism = w[0].toUpperCase(Locale.ROOT);
        authName = null;
        candidate = null;
        if (w.length > 1) {
            authAnswer(w[1]);
        }
    }

    private void authAnswer(String line) {
        if ("PLAIN".equals(authMechanism) && candidate == null) {
            SaslPlain.decode(line).ifPresent(p -> {
                authName = p.authcid();
                candidate = Identity.ofLogin(p.authzid(), p.authcid(), masterSeparator);
            });
        } else if ("LOGIN".equals(authMechanism) && authName == null) {
            SaslPlain.decodeName(line).ifPresent(n -> {
                authName = n;
                candidate = Identity.ofLogin(null, n, masterSeparator);
            });
        }
    }

    public void onReply(SmtpReply reply) {
        SmtpRequest request = pending.peek();
        if (request == null) {
            return; // the greeting, or a reply to XCLIENT's new session
        }
        if (request instanceof SmtpRequest.Command c && c.verb().equals("AUTH") && reply.code() == 334) {
            return; // a challenge: AUTH goes on
        }
        pending.poll();
        switch (request) {
            case SmtpRequest.Command c -> command(c, reply);
            case SmtpRequest.MessageEnd m -> messageEnd(m, reply);
            default -> {}
        }
    }

    private void command(SmtpRequest.Command c, SmtpReply reply) {
        switch (c.verb()) {
            case "EHLO", "HELO" -> {
                if (reply.completed()) {
                    helo = c.argument().strip();
                    abandon();
                }
            }
            case "AUTH" -> authEnded(reply);
            case "MAIL" -> {
                abandon();
                String from = Addresses.path(c.argument()).orElse(null);
                if (reply.completed()) {
                    transaction = new Transaction(from);
                } else {
                    refusedWithoutMessage(from, "MAIL FROM refused: " + reply.code() + " " + reply.text());
                }
            }
            case "RCPT" -> {
                if (transaction != null) {
                    if (reply.completed()) {
                        transaction.accepted++;
                    } else {
                        transaction.refused++;
                        transaction.lastRefusal = reply;
                    }
                }
            }
            case "DATA" -> {
                if (reply.code() != 354) {
                    abandon();
                }
            }
            case "RSET", "QUIT" -> abandon();
            case "XCLIENT" -> {
                if (reply.code() == 220) { // Postfix starts the session afresh, as if the named client had connected
                    abandon();
                    identity = null;
                    helo = null;
                }
            }
            default -> {}
        }
    }

    private void authEnded(SmtpReply reply) {
        if (reply.completed() && candidate != null && identity == null) {
            identity = candidate;
            sink.accept(new MailboxAccess(
                    clock.instant(),
                    identity.actor(),
                    identity.mailbox(),
                    identity.logonType(),
                    MailboxAction.MAILBOX_LOGIN,
                    null,
                    session(),
                    null,
                    null,
                    List.of(),
                    null,
                    List.of()));
        } else if (reply.refused() && reply.code() != 0) {
            FailedLogins.log("SMTP", sessionId, authName, clientIp, clientInfo());
        }
        candidate = null;
        authMechanism = null;
    }

    /** What a message's end says of it: the item it names, and the addresses that decide in whose name it goes. */
    private record Outgoing(ItemRef item, String from, String sender) {}

    /**
     * The message {@code m} ends, named by its Message-ID, else by the queue id in the server's {@code reply} (null
     * before it), else as the session's {@code n}th message.
     */
    private Outgoing outgoing(SmtpRequest.MessageEnd m, SmtpReply reply, int n) {
        MessageHeaders headers = new MessageHeaders(m.header());
        String id = headers.messageId().orElse(null);
        String itemId = null;
        if (id == null) {
            Matcher q = reply == null ? null : QUEUED_AS.matcher(reply.text());
            itemId = q != null && q.find()
                    ? "submission;queue-id=" + q.group(1)
                    : "submission;session=" + sessionId + ";n=" + n;
        }
        ItemRef item =
                new ItemRef(id, itemId, m.size(), headers.field("Subject").orElse(null));
        String from = headers.address("From").orElseGet(() -> transaction == null ? null : transaction.envelopeSender);
        return new Outgoing(item, from, headers.address("Sender").orElse(null));
    }

    /**
     * The server answered a message: a queued one is the send its intent announced (the send first, so that it
     * completes the intent before the outcome closes it); a refused one is a Failed send after the intent's {@code
     * NO}, which leaves nothing to record of the intent.
     */
    private void messageEnd(SmtpRequest.MessageEnd m, SmtpReply reply) {
        messages++;
        Outgoing o = outgoing(m, reply, messages);
        transaction = null;
        if (reply.completed()) {
            emit(o, ResultStatus.SUCCEEDED, List.of());
            if (intents != null) {
                intents.answered(m, true, clock.instant());
            }
        } else {
            if (intents != null) {
                intents.answered(m, false, clock.instant());
            }
            emit(o, ResultStatus.FAILED, reason(reply));
        }
    }

    /** The transaction ends with no message sent: every recipient was refused (a refused one is an attempt too). */
    private void abandon() {
        Transaction t = transaction;
        transaction = null;
        if (t != null && t.accepted == 0 && t.refused > 0) {
            refusedWithoutMessage(
                    t.envelopeSender,
                    "every recipient refused (" + t.refused + "), last: " + t.lastRefusal.code() + " "
                            + t.lastRefusal.text());
        }
    }

    private void refusedWithoutMessage(String envelopeSender, String why) {
        emit(envelopeSender, null, List.of(), ResultStatus.FAILED, List.of(new NameValue("Reason", why)));
    }

    private static List<NameValue> reason(SmtpReply reply) {
        return List.of(new NameValue("Reason", "message refused: " + reply.code() + " " + reply.text()));
    }

    private void emit(Outgoing o, ResultStatus result, List<NameValue> params) {
        emit(o.from(), o.sender(), List.of(o.item()), result, params);
    }

    private void emit(String from, String sender, List<ItemRef> items, ResultStatus result, List<NameValue> params) {
        if (identity == null) {
            // Exchange has no record without an actor; the server let an unauthenticated client send
            LOG.log(
                    System.Logger.Level.WARNING,
                    "session {0}: message from {1} without AUTH {2} by the server (From {3})",
                    sessionId,
                    clientIp,
                    result == ResultStatus.SUCCEEDED ? "accepted" : "refused",
                    from);
            return;
        }
        sink.accept(access(from, sender, items, result, params));
    }

    private MailboxAccess access(Outgoing o, ResultStatus result, List<NameValue> params) {
        return access(o.from(), o.sender(), List.of(o.item()), result, params);
    }

    /** The send, in whose name {@code from} and {@code sender} say, by the logged-in identity. */
    private MailboxAccess access(
            String from, String sender, List<ItemRef> items, ResultStatus result, List<NameValue> params) {
        SentMessage sent = SentMessage.of(identity, from, sender, names);
        return new MailboxAccess(
                clock.instant(),
                identity.actor(),
                sent.mailbox(),
                sent.logonType(),
                sent.operation(),
                null,
                session(),
                null,
                null,
                items,
                result,
                params);
    }

    private Session session() {
        return new Session(sessionId, clientIp, clientInfo(), null);
    }

    private String clientInfo() {
        return helo == null || helo.isEmpty() ? "Client=SMTP" : "Client=SMTP; helo=" + truncate(helo);
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    /**
     * The connection ended: a transaction whose every recipient was refused is recorded, and a message still waiting
     * for the server's reply is a lost intent (the server may have queued it).
     */
    public void close() {
        if (!closed) {
            closed = true;
            abandon();
            if (intents != null) {
                intents.lost(clock.instant());
            }
        }
    }
}
