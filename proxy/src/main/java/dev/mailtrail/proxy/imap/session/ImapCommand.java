package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;

/**
 * One command in flight, from its request to its tagged completion. It sees the untagged responses that arrive
 * meanwhile and emits its events only when the completion is OK: the audit records what happened, not what was
 * asked.
 */
interface ImapCommand {

    /** An untagged response while this command is pending; true when it belongs to this command alone. */
    default boolean untagged(ImapResponse response, ImapSessionState session) {
        return false;
    }

    /** A line the client sent in answer to a continuation (AUTHENTICATE). */
    default void clientResponse(ImapRequest.AuthenticateResponse response, ImapSessionState session) {}

    void completed(ImapResponse.Tagged completion, ImapSessionState session);

    /** The session ended before the server answered: an intent the command journaled is closed as lost. */
    default void lost(ImapSessionState session) {}

    /** The id of the open intent of the delete or move this command announced (decision 0011); null when none. */
    default String destroyIntent() {
        return null;
    }

    static boolean ok(ImapResponse.Tagged completion) {
        return completion.status().equals("OK");
    }
}
