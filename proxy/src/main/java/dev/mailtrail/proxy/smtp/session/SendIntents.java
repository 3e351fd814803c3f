package dev.mailtrail.proxy.smtp.session;

import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.IntentSink;
import dev.mailtrail.proxy.smtp.codec.SmtpRequest;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The intents of one submission session's messages (docs/decisions/0011): the end of a message's DATA journals the
 * send it announces — the Send, SendAs or SendOnBehalf the server's 250 will make, naming the message — while the
 * server queues it, and the server's reply closes it ({@code OK}, or {@code NO} for a refusal). A session that ends
 * before the reply leaves the send {@code LOST}: the server may have queued it, so the intent becomes its record.
 */
final class SendIntents {

    private final IntentSink sink;
    private final String sessionId;
    private final Map<SmtpRequest.MessageEnd, AccessIntent> open = new IdentityHashMap<>();
    private long counter;

    SendIntents(IntentSink sink, String sessionId) {
        this.sink = sink;
        this.sessionId = sessionId;
    }

    /** Journals the intent of the message {@code end} closes: {@code send} is the access its 250 would make. */
    void announced(SmtpRequest.MessageEnd end, MailboxAccess send) {
        AccessIntent intent = new AccessIntent(sessionId + "/" + (++counter), send);
        sink.intent(intent);
        open.put(end, intent);
    }

    /** The id of the open intent of the message {@code end} closes; null when it has none. */
    String idOf(SmtpRequest.MessageEnd end) {
        AccessIntent intent = open.get(end);
        return intent == null ? null : intent.id();
    }

    /** The server answered the message {@code end} closes: its intent, if it had one, is closed with that answer. */
    void answered(SmtpRequest.MessageEnd end, boolean queued, Instant now) {
        AccessIntent intent = open.remove(end);
        if (intent != null) {
            sink.outcome(new IntentOutcome(now, intent.actor(), intent.session(), intent.id(), queued ? "OK" : "NO"));
        }
    }

    /** The session ended: a message still waiting for the server's reply may have been queued. */
    void lost(Instant now) {
        open.values()
                .forEach(intent -> sink.outcome(
                        new IntentOutcome(now, intent.actor(), intent.session(), intent.id(), IntentOutcome.LOST)));
        open.clear();
    }
}
