package dev.mailtrail.proxy.imap.session;

/**
 * A command that announced a delete or move (docs/decisions/0011, "Deletes and moves"): its intent stays open until
 * the server's tagged answer, and is closed as lost when the session ends first.
 */
abstract class DestroyingCommand implements ImapCommand {

    /** The intent the command journaled, if any. */
    protected final OpenIntent intent;

    DestroyingCommand(OpenIntent intent) {
        this.intent = intent;
    }

    @Override
    public final String destroyIntent() {
        return intent.id();
    }

    @Override
    public final void lost(ImapSessionState session) {
        intent.lost(session);
    }
}
