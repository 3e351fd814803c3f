package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.proxy.imap.codec.FetchItems;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.IntentSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The intents of one session's commands that reveal or destroy messages (docs/decisions/0011), journaled before the
 * server has the command: a content FETCH's read, and the delete or move of a STORE {@code \Deleted}, an EXPUNGE, a
 * CLOSE or a MOVE. Each names the folder, its UIDVALIDITY (in the folder's id) and the messages ({@link
 * IntentItems}) by the ids the accesses decided from the answer will carry, so the core can tell which the answer
 * named. Ids are unique in the session.
 */
final class ImapIntents {

    private final IntentSink sink;
    private final String sessionId;
    private long counter;

    ImapIntents(IntentSink sink, String sessionId) {
        this.sink = sink;
        this.sessionId = sessionId;
    }

    /** Journals the intent of a content FETCH in the selected folder; its id. */
    String fetch(FetchItems fetch, boolean byUid, ImapSessionState session) {
        IntentItems named = IntentItems.of(fetch.sequenceSet(), byUid, session);
        List<NameValue> parameters = new ArrayList<>();
        parameters.add(new NameValue("MailTrailIntentItems", asked(fetch)));
        parameters.addAll(named.parameters());
        FolderAccess folder = session.selected.access();
        return journal(folder.event(
                session.now(),
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                null,
                named.items(),
                parameters));
    }

    /**
     * Journals the intent of {@code command}, which will delete or move {@code named} out of the selected folder
     * ({@code operation} SoftDelete, HardDelete, Move or MoveToDeletedItems, to {@code dest} for a move); its id, or
     * null when it names no message (nothing to announce).
     */
    String destroy(
            String command, MailboxAction operation, FolderRef dest, IntentItems named, ImapSessionState session) {
        if (named.items().isEmpty()) {
            return null;
        }
        List<NameValue> parameters = new ArrayList<>();
        parameters.add(new NameValue("MailTrailIntentCommand", command));
        parameters.addAll(named.parameters());
        FolderAccess folder = session.selected.access();
        return journal(folder.event(session.now(), operation, null, dest, named.items(), parameters));
    }

    /** The server answered the command of intent {@code id} ({@code OK}, {@code NO}, {@code BAD}, or LOST). */
    void outcome(String id, String answer, ImapSessionState session) {
        String actor = session.identity == null ? "" : session.identity.actor();
        sink.outcome(new IntentOutcome(session.now(), actor, session.session(), id, answer));
    }

    private String journal(MailboxAccess access) {
        String id = sessionId + "/" + (++counter);
        sink.intent(new AccessIntent(id, access));
        return id;
    }

    private static String asked(FetchItems fetch) {
        return fetch.items().stream()
                .map(i -> i.kind() + (i.section() == null ? "" : "[" + i.section() + "]") + (i.peek() ? " PEEK" : ""))
                .collect(Collectors.joining(" "));
    }
}
