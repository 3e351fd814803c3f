package dev.mailtrail.core.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Exchange's MailItemsAccessed throttling: more than 1,000 records for a mailbox within 24 hours, and the
 * record that crosses the line carries IsThrottled=True; no Bind records are made for that mailbox for the
 * next 24 hours. Sync and every other action go on.
 */
final class MailboxThrottle {
    static final int LIMIT = 1_000;
    static final long PERIOD_MILLIS = Duration.ofHours(24).toMillis();

    private static final class State {
        final ArrayDeque<Long> recordTimes = new ArrayDeque<>();
        long throttledUntil = Long.MIN_VALUE;
    }

    private final Map<String, State> mailboxes = new HashMap<>();

    /** Whether Bind records for the mailbox are suppressed at {@code time}. */
    boolean suppressesBinds(String mailbox, Instant time) {
        State state = mailboxes.get(mailbox);
        return state != null && time.toEpochMilli() < state.throttledUntil;
    }

    /** Counts a MailItemsAccessed record made at {@code now}; true if it is the one that crosses the line. */
    boolean countRecord(String mailbox, Instant now) {
        State state = mailboxes.computeIfAbsent(mailbox, m -> new State());
        long millis = now.toEpochMilli();
        while (!state.recordTimes.isEmpty() && state.recordTimes.peekFirst() <= millis - PERIOD_MILLIS) {
            state.recordTimes.pollFirst();
        }
        state.recordTimes.addLast(millis);
        if (state.recordTimes.size() > LIMIT && millis >= state.throttledUntil) {
            state.throttledUntil = millis + PERIOD_MILLIS;
            return true;
        }
        return false;
    }
}
