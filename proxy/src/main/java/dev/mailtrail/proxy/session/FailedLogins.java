package dev.mailtrail.proxy.session;

import dev.mailtrail.core.text.LogText;

/**
 * Refused logins in the proxy's log, one line each with the real client's address. Exchange keeps no audit record
 * of a failed login, so none is journaled; but the mail server behind the proxy sees only the proxy's address, so
 * this line is where an administrator (or fail2ban) finds who is guessing passwords. The name is the client's own
 * text, so it is quoted and escaped: a name holding CR LF and a forged line cannot make fail2ban ban someone else.
 */
public final class FailedLogins {
    private static final System.Logger LOG = System.getLogger(FailedLogins.class.getName());

    /** Longer than any real account name; what is cut is the client's flood, not a name. */
    private static final int MAX_NAME = 128;

    private FailedLogins() {}

    /**
     * @param user the name the client gave (null when it could not be read, as with a GSSAPI ticket)
     */
    public static void log(String protocol, String sessionId, String user, String clientIp, String clientInfo) {
        LOG.log(
                System.Logger.Level.WARNING,
                "session {0}: {1} login failed for {2} from {3} ({4})",
                sessionId,
                protocol,
                user == null ? "an unreadable name" : LogText.quoted(user, MAX_NAME),
                clientIp,
                LogText.of(clientInfo));
    }
}
