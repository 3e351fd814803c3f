package dev.mailtrail.core.generate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock moved by its owner: to each event's own time when replaying, by hand in tests. It never goes back,
 * so windows close in order even when events arrive slightly out of order.
 */
public final class ReplayClock extends Clock {
    private Instant now;

    public ReplayClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code time} if that is later than now. */
    public void advanceTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a ReplayClock is always UTC");
    }
}
