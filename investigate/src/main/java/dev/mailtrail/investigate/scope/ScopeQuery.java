package dev.mailtrail.investigate.scope;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The question asked of a case: one mailbox, the window of compromise ({@code from} inclusive, {@code to}
 * exclusive; either may be null for an open end) and what is known of the attacker.
 *
 * @param quietGap how long a stretch without any record of the mailbox, while the attacker was active before and
 *     after, must last to be reported as a blind window
 */
public record ScopeQuery(String mailbox, Instant from, Instant to, AttackerHints attacker, Duration quietGap) {
    public static final Duration DEFAULT_QUIET_GAP = Duration.ofHours(6);

    public ScopeQuery {
        Objects.requireNonNull(mailbox, "mailbox");
        if (mailbox.isBlank()) {
            throw new IllegalArgumentException("the mailbox is empty");
        }
        attacker = attacker == null ? AttackerHints.none() : attacker;
        quietGap = quietGap == null ? DEFAULT_QUIET_GAP : quietGap;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the window starts (" + from + ") at or after it ends (" + to + ")");
        }
    }

    public ScopeQuery(String mailbox, Instant from, Instant to, AttackerHints attacker) {
        this(mailbox, from, to, attacker, DEFAULT_QUIET_GAP);
    }

    public boolean inWindow(Instant time) {
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }

    /** Whether the span [start, end) overlaps the window; a null end is open. */
    public boolean overlaps(Instant start, Instant end) {
        return (to == null || start.isBefore(to)) && (from == null || end == null || end.isAfter(from));
    }
}
