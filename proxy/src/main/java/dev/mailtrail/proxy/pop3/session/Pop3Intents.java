package dev.mailtrail.proxy.pop3.session;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.pop3.codec.Pop3Request;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.IntentSink;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intents of one POP3 session's retrievals and deletions (docs/decisions/0011): a RETR, or a TOP with lines,
 * journals the message it names (by the id its retrieval will carry) when it reaches the proxy, a QUIT that enters the
 * UPDATE state the HardDelete of the messages DELE marked; the server's answer closes it.
 */
final class Pop3Intents {

    private final IntentSink sink;
    private final String sessionId;
    private final Map<Pop3Request.Command, String> open = new IdentityHashMap<>();
    private long counter;

    Pop3Intents(IntentSink sink, String sessionId) {
        this.sink = sink;
        this.sessionId = sessionId;
    }

    /** Journals the intent of {@code command}, a retrieval of the message with id {@code itemId}. */
    void retrieval(Pop3Request.Command command, FolderAccess inbox, String itemId, Instant now) {
        String id = sessionId + "/" + (++counter);
        List<NameValue> asked = List.of(
                new NameValue("MailTrailIntentItems", command.name() + " " + String.join(" ", command.arguments())));
        sink.intent(new AccessIntent(
                id,
                inbox.event(
                        now,
                        MailboxAction.MAIL_ITEMS_ACCESSED,
                        MailAccessType.BIND,
                        null,
                        List.of(new ItemRef(null, itemId, null, null)),
                        asked)));
        open.put(command, id);
    }

    /** Journals the intent of {@code quit}, which removes {@code marked} for good (RFC 1939 §6). */
    void deletion(Pop3Request.Command quit, FolderAccess inbox, List<ItemRef> marked, Instant now) {
        String id = sessionId + "/" + (++counter);
        sink.intent(new AccessIntent(
                id,
                inbox.event(
                        now,
                        MailboxAction.HARD_DELETE,
                        null,
                        null,
                        marked,
                        List.of(new NameValue("MailTrailIntentCommand", "QUIT")))));
        open.put(quit, id);
    }

    /** The server answered {@code command}: its intent, if it had one, is closed with that answer. */
    void answered(Pop3Request.Command command, boolean ok, FolderAccess inbox, Instant now) {
        String id = open.remove(command);
        if (id != null) {
            sink.outcome(new IntentOutcome(now, inbox.actor(), inbox.session(), id, ok ? "+OK" : "-ERR"));
        }
    }

    /** The session ended: intents still waiting for an answer are lost. */
    void lost(FolderAccess inbox, Instant now) {
        open.values()
                .forEach(id ->
                        sink.outcome(new IntentOutcome(now, inbox.actor(), inbox.session(), id, IntentOutcome.LOST)));
        open.clear();
    }
}
