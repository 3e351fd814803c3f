package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;

/** {@code UNSELECT} leaves the folder without expunging; {@code LOGOUT} ends the session. Neither is audited. */
final class LeaveCommand implements ImapCommand {

    private final boolean logout;

    private LeaveCommand(boolean logout) {
        this.logout = logout;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        return new LeaveCommand(command.name().equals("LOGOUT"));
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            session.deselect();
            if (logout) {
                session.state = ProtocolState.LOGOUT;
            }
        }
    }
}
