package dev.mailtrail.app.api.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock-out after repeated failed sign-ins, per account name (names that do not exist too, so that the answer does
 * not tell which do): {@code limit} failures within {@code window} lock the name for {@code lockout}; a success clears
 * the count. As Entra ID's smart lock-out, a locked name is refused without its password being looked at.
 */
public final class LoginGuard {
    public static final int LIMIT = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final int MAX_NAMES = 100_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant first, Instant lockedUntil) {}

    public LoginGuard(Clock clock) {
        this(clock, LIMIT, WINDOW, LOCKOUT);
    }

    public LoginGuard(Clock clock, int limit, Duration window, Duration lockout) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.lockout = lockout;
    }

    /** When the name is locked until, or null when it may try. */
    public Instant lockedUntil(String name) {
        Failures f = failures.get(key(name));
        Instant now = clock.instant();
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil()) ? f.lockedUntil() : null;
    }

    public void failed(String name) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_NAMES) {
            failures.values().removeIf(f -> f.first().plus(window).plus(lockout).isBefore(now));
        }
        failures.compute(key(name), (k, f) -> {
            if (f == null
                    || f.first().plus(window).isBefore(now)
                    || (f.lockedUntil() != null && !now.isBefore(f.lockedUntil()))) {
                f = new Failures(0, now, null);
            }
            int count = f.count() + 1;
            return new Failures(count, f.first(), count >= limit ? now.plus(lockout) : null);
        });
    }

    public void succeeded(String name) {
        failures.remove(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
