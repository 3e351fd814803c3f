package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.LoginSessions;
import dev.mailtrail.app.api.access.Principal;
import java.io.IOException;
import java.util.Optional;

/**
 * Who a request comes from: a bearer token ({@code Authorization: Bearer mt_…}) or the session cookie. The principal
 * is taken from the access file as it is now, so a removed account or token stops working at once, even mid-session.
 */
public final class Authentication {
    public static final String COOKIE = "mt_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The caller, and the session when it came with the cookie (whose CSRF token guards changes). */
    public record Caller(Principal principal, LoginSessions.LoginSession session) {}

    private final AccessFile access;
    private final LoginSessions sessions;

    public Authentication(AccessFile access, LoginSessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    public AccessFile access() {
        return access;
    }

    public LoginSessions sessions() {
        return sessions;
    }

    /**
     * The token of an {@code Authorization} header: {@code Bearer TOKEN}, or {@code Basic} with the token as the
     * password (what a sensor that can only put credentials in its URL sends, as Dovecot's event exporter does; the
     * user part is not read).
     */
    private static String token(String authorization) throws ApiException {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        java.util.Base64.getDecoder()
                                .decode(authorization.substring(6).strip()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon >= 0) {
                    return pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw new ApiException(401, "unauthenticated", "the Basic credentials must be USER:TOKEN in base64");
        }
        throw new ApiException(
                401,
                "unauthenticated",
                "the Authorization header must be \"Bearer TOKEN\" (or Basic with the token as the password)");
    }

    /** The caller; empty when the request carries no credentials at all. */
    Optional<Caller> identify(String authorization, String sessionId) throws ApiException, IOException {
        AccessList list = access.current();
        if (authorization != null) {
            return Optional.of(new Caller(
                    list.token(token(authorization))
                            .orElseThrow(() -> new ApiException(
                                    401, "invalid_token", "the bearer token is unknown or was removed"))
                            .principal(),
                    null));
        }
        if (sessionId != null) {
            LoginSessions.LoginSession session = sessions.find(sessionId)
                    .orElseThrow(() -> new ApiException(
                            401, "session_expired", "the session has ended or is unknown; sign in again"));
            Account account = list.account(session.account()).orElseThrow(() -> {
                sessions.end(sessionId);
                return new ApiException(401, "account_removed", "the account of this session was removed");
            });
            return Optional.of(new Caller(account.principal(), session));
        }
        return Optional.empty();
    }
}
