package dev.mailtrail.app.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the core thread commits the stores, moves an idle core's clock on (a tick) and runs retention, on the wall
 * clock. It is asked after every entry and every idle moment, so that neither steady traffic nor a long backlog
 * holds them off. While the core works through a backlog (entries that overflowed the queue and are read back from
 * the journal) commits wait for the longer backlog interval: records that are already late gain nothing from a
 * commit every second, and indexing loses the time a commit takes.
 */
final class Housekeeping {
    private static final Duration TICK_INTERVAL = Duration.ofSeconds(1);

    private final Clock wall;
    private final PipelineOptions options;
    private Instant lastCommit;
    private Instant lastTick;
    private Instant nextRetention;

    Housekeeping(Clock wall, PipelineOptions options) {
        this.wall = wall;
        this.options = options;
        opened();
    }

    /** The data directory is open (its replay and opening retention pass done): intervals count from now. */
    void opened() {
        lastCommit = wall.instant();
        lastTick = lastCommit;
        nextRetention = lastCommit.plus(options.retentionInterval());
    }

    /** Whether to commit now, with so many records uncommitted; {@code behind}: working through a backlog. */
    boolean commitDue(long uncommitted, boolean behind) {
        Duration interval = behind ? options.backlogCommitInterval() : options.commitInterval();
        return uncommitted >= options.commitRecords()
                || uncommitted > 0 && !wall.instant().isBefore(lastCommit.plus(interval));
    }

    void committed() {
        lastCommit = wall.instant();
    }

    /** The time to tick the core's clock to, when a second has passed with windows open; else null. */
    Instant tickDue(int openWindows) {
        Instant now = wall.instant();
        if (openWindows == 0 || now.isBefore(lastTick.plus(TICK_INTERVAL))) {
            return null;
        }
        lastTick = now;
        return now;
    }

    /** True once a retention interval has passed since the last pass (and the next is then due an interval on). */
    boolean retentionDue() {
        Instant now = wall.instant();
        if (now.isBefore(nextRetention)) {
            return false;
        }
        nextRetention = now.plus(options.retentionInterval());
        return true;
    }
}
