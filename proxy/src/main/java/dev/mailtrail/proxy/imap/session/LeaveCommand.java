package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;

/**
 * {@code UNSELECT} leaves the folder without expunging; {@code LOGOUT} ends the session; RFC 8437 {@code
 * UNAUTHENTICATE} returns it to the not-authenticated state, so that the next login's reads are the next user's.
 * None is audited.
 */
final class LeaveCommand implements ImapCommand {

    private final String name;

    private LeaveCommand(String name) {
        this.name = name;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        return new LeaveCommand(command.name());
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            session.deselect();
            if (name.equals("LOGOUT")) {
                session.state = ProtocolState.LOGOUT;
            } else if (name.equals("UNAUTHENTICATE")) {
                session.identity = null;
                session.state = ProtocolState.NOT_AUTHENTICATED;
            }
        }
    }
}
