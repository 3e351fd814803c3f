package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.event.IntentOutcome;

/**
 * The intent a command journaled (docs/decisions/0011), open until the server's tagged answer closes it or the
 * session ends before one ({@code LOST}). Closed once.
 */
final class OpenIntent {

    private static final OpenIntent NONE = new OpenIntent(null);

    private String id;

    private OpenIntent(String id) {
        this.id = id;
    }

    /** The intent {@code id}; none when null (nothing was journaled). */
    static OpenIntent of(String id) {
        return id == null ? NONE : new OpenIntent(id);
    }

    /** The id while open; null once closed, or when none was journaled. */
    String id() {
        return id;
    }

    /** The server answered ({@code OK}, {@code NO}, {@code BAD}): after the accesses the answer made were emitted. */
    void answered(String status, ImapSessionState session) {
        close(status, session);
    }

    /** The session ended before the server answered. */
    void lost(ImapSessionState session) {
        close(IntentOutcome.LOST, session);
    }

    private void close(String answer, ImapSessionState session) {
        if (id != null) {
            session.intents.outcome(id, answer, session);
            id = null;
        }
    }
}
