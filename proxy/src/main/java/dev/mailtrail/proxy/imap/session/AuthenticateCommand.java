package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.session.Identity;
import dev.mailtrail.proxy.session.SaslPlain;
import java.util.Locale;

/**
 * {@code AUTHENTICATE PLAIN} with an initial response (mbsync, mutt, curl) or after a continuation (imaplib,
 * offlineimap), and {@code AUTHENTICATE LOGIN}. The names are decoded; the password is never kept.
 */
final class AuthenticateCommand implements ImapCommand {

    private final String mechanism;
    private Identity identity;
    private boolean answered;

    private AuthenticateCommand(String mechanism) {
        this.mechanism = mechanism;
    }

    static ImapCommand of(ImapRequest.Command command, ImapSessionState session) {
        if (command.arguments().isEmpty()) {
            return null;
        }
        String mechanism = Tokens.text(command.arguments().getFirst());
        AuthenticateCommand c = new AuthenticateCommand(mechanism == null ? "" : mechanism.toUpperCase(Locale.ROOT));
        if (command.arguments().size() > 1) {
            c.answer(Tokens.text(command.arguments().get(1)), session);
        }
        return c;
    }

    @Override
    public void clientResponse(ImapRequest.AuthenticateResponse response, ImapSessionState session) {
        if (!response.cancelled()) {
            answer(response.line(), session);
        }
    }

    private void answer(String base64, ImapSessionState session) {
        if (answered || base64 == null) {
            return;
        }
        answered = true;
        String separator = session.config.masterSeparator();
        switch (mechanism) {
            case "PLAIN" ->
                identity = SaslPlain.decode(base64)
                        .map(p -> Identity.ofLogin(p.authzid(), p.authcid(), separator))
                        .orElse(null);
            case "LOGIN" ->
                identity = SaslPlain.decodeName(base64)
                        .map(n -> Identity.ofLogin(null, n, separator))
                        .orElse(null);
            default -> {}
        }
    }

    @Override
    public void completed(ImapResponse.Tagged completion, ImapSessionState session) {
        if (ImapCommand.ok(completion)) {
            // A mechanism whose names cannot be read (a GSSAPI ticket) still logs in: the gap is recorded, not hidden.
            String unknown = "unknown (AUTHENTICATE " + mechanism + ")";
            session.loggedIn(identity != null ? identity : new Identity(unknown, unknown, LogonType.OWNER));
        } else {
            session.loginFailed(identity == null ? null : identity.actor());
        }
    }
}
