package dev.mailtrail.app.api.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions of the console, held in memory (a restart signs everyone out). Each has a random id (the cookie)
 * and a separate random CSRF token the page sends back in {@code X-CSRF-Token} on every request that changes
 * something (the synchronizer-token pattern; the cookie is also SameSite=Strict). A session ends after
 * {@link #IDLE} without a request or {@link #LIFETIME} after sign-in, whichever comes first.
 */
public final class LoginSessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 10_000;

    /** One session: whose, its CSRF token, since when, last used when. */
    public record LoginSession(String id, String account, String csrfToken, Instant started, Instant lastUsed) {}

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, LoginSession> sessions = new ConcurrentHashMap<>();

    public LoginSessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public LoginSession start(String account) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
        }
        LoginSession session = new LoginSession(secret(), account, secret(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of that id, its idle time restarted; empty when unknown or expired. */
    public Optional<LoginSession> find(String id) {
        LoginSession session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        LoginSession touched = new LoginSession(id, session.account(), session.csrfToken(), session.started(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(String id) {
        sessions.remove(id);
    }

    private static boolean expired(LoginSession s, Instant now) {
        return !now.isBefore(s.lastUsed().plus(IDLE))
                || !now.isBefore(s.started().plus(LIFETIME));
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
