package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.Identity;

/** {@code LOGIN user password}: only the user name is kept; a master-user name makes an Admin logon. */
final class LoginCommand implements ImapCommand {

    private final String user;

    private LoginCommand(String user) {
        this.user = user;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        String user = command.arguments().isEmpty()
                ? null
                : Tokens.text(command.arguments().getFirst());
        return user == null || user.isEmpty() ? null : new LoginCommand(user);
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            session.loggedIn(Identity.ofLogin(null, user, session.config.masterSeparator()));
        } else {
            session.loginFailed(user);
        }
    }
}
