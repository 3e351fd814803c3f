package dev.mailtrail.app.pipeline;

import java.time.Duration;

/**
 * When the core thread snapshots the audit core's state, and how much journal it keeps (decision 0030). A snapshot
 * is taken right after a store commit, once {@code interval} has passed or {@code entries} journal entries were applied
 * since the last one, and when the pipeline closes. After each, journal segments that both the stores and the newest
 * snapshot cover are deleted, all but the newest of them that make {@code journalTailBytes}.
 *
 * @param interval the most wall-clock time between snapshots while entries are applied
 * @param entries the most journal entries applied between snapshots: what a restart after a crash replays at most
 * @param kept the newest snapshots kept (older ones stay, one per journal segment, while the journal holds what
 *     follows them: a replay from the start of the kept journal)
 * @param journalTailBytes journal bytes kept before what snapshots and stores cover (for re-reading, `mt verify`'s
 *     cross-check, a store that lags)
 * @param segmentBytes the size of a journal segment: the unit in which the journal is deleted
 */
public record SnapshotPolicy(Duration interval, long entries, int kept, long journalTailBytes, long segmentBytes) {
    /**
     * One segment: about 940,000 events at 286 bytes each. Opening reads every segment kept (recovery checks each
     * frame), so the tail is also what a restart reads: decision 0030 has the figures.
     */
    public static final long DEFAULT_JOURNAL_TAIL_BYTES = 256L << 20;

    public static SnapshotPolicy defaults() {
        return new SnapshotPolicy(
                Duration.ofSeconds(60),
                500_000,
                2,
                DEFAULT_JOURNAL_TAIL_BYTES,
                dev.mailtrail.store.journal.EventJournal.DEFAULT_SEGMENT_BYTES);
    }

    public SnapshotPolicy withJournalTailBytes(long bytes) {
        return new SnapshotPolicy(interval, entries, kept, bytes, segmentBytes);
    }

    public SnapshotPolicy withSegmentBytes(long bytes) {
        return new SnapshotPolicy(interval, entries, kept, journalTailBytes, bytes);
    }

    public SnapshotPolicy withKept(int count) {
        return new SnapshotPolicy(interval, entries, count, journalTailBytes, segmentBytes);
    }

    public SnapshotPolicy withInterval(Duration most) {
        return new SnapshotPolicy(most, entries, kept, journalTailBytes, segmentBytes);
    }

    public SnapshotPolicy withEntries(long count) {
        return new SnapshotPolicy(interval, count, kept, journalTailBytes, segmentBytes);
    }
}
