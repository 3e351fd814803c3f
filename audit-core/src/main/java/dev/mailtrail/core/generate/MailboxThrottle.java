package dev.mailtrail.core.generate;

import java.time.Duration;
import java.time.Instant;
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

    /** A mailbox's record times within the last 24 hours, oldest first, in a ring of plain longs. */
    private static final class State {
        long[] recordTimes = new long[16];
        int oldest;
        int count;
        long throttledUntil = Long.MIN_VALUE;

        void forgetUpTo(long cutoff) {
            while (count > 0 && recordTimes[oldest] <= cutoff) {
                oldest = (oldest + 1) & (recordTimes.length - 1);
                count--;
            }
        }

        void add(long millis) {
            if (count == recordTimes.length) {
                long[] larger = new long[2 * count];
                for (int i = 0; i < count; i++) {
                    larger[i] = recordTimes[(oldest + i) & (count - 1)];
                }
                recordTimes = larger;
                oldest = 0;
            }
            recordTimes[(oldest + count) & (recordTimes.length - 1)] = millis;
            count++;
        }
    }

    private final Map<String, State> mailboxes = new HashMap<>();

    /** Every mailbox's record times, for a snapshot. */
    java.util.List<GeneratorState.MailboxRecordTimes> export() {
        java.util.List<GeneratorState.MailboxRecordTimes> all = new java.util.ArrayList<>(mailboxes.size());
        mailboxes.forEach((mailbox, state) -> {
            long[] times = new long[state.count];
            for (int i = 0; i < state.count; i++) {
                times[i] = state.recordTimes[(state.oldest + i) & (state.recordTimes.length - 1)];
            }
            all.add(new GeneratorState.MailboxRecordTimes(mailbox, times, state.throttledUntil));
        });
        return all;
    }

    void restore(java.util.List<GeneratorState.MailboxRecordTimes> all) {
        mailboxes.clear();
        for (GeneratorState.MailboxRecordTimes times : all) {
            State state = new State();
            for (long millis : times.times()) {
                state.add(millis);
            }
            state.throttledUntil = times.throttledUntil();
            mailboxes.put(times.mailbox(), state);
        }
    }

    /** Whether Bind records for the mailbox are suppressed at {@code time}. */
    boolean suppressesBinds(String mailbox, Instant time) {
        State state = mailboxes.get(mailbox);
        return state != null && time.toEpochMilli() < state.throttledUntil;
    }

    /** Counts a MailItemsAccessed record made at {@code now}; true if it is the one that crosses the line. */
    boolean countRecord(String mailbox, Instant now) {
        State state = mailboxes.computeIfAbsent(mailbox, m -> new State());
        long millis = now.toEpochMilli();
        state.forgetUpTo(millis - PERIOD_MILLIS);
        state.add(millis);
        if (state.count > LIMIT && millis >= state.throttledUntil) {
            state.throttledUntil = millis + PERIOD_MILLIS;
            return true;
        }
        return false;
    }
}
