package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.JournalDrivenCore;
import dev.mailtrail.app.pipeline.PipelineEntry;
import dev.mailtrail.app.pipeline.RecordIds;
import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.app.pipeline.snapshot.SnapshotFormatException;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.journal.kafka.SourcedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The audit core of one partition of the journal topic (decision 0033): its mailboxes' windows, de-duplication,
 * throttling and intents, its two writers and its snapshot. Taking a partition restores the snapshot, reads on from
 * the offset after it and lets the writers skip what their checkpoints hold; so whoever applies a partition — after a
 * crash, a rebalance or a restart — makes the same records with the same Ids and stores each once.
 */
final class PartitionCore {
    /** A snapshot is taken after this many entries, or {@link #SNAPSHOT_INTERVAL}, whichever comes first. */
    static final long SNAPSHOT_ENTRIES = 20_000;

    static final Duration SNAPSHOT_INTERVAL = Duration.ofMinutes(1);
    /** Entries applied without a record are committed (the offset moves on) at least this often. */
    private static final Duration OFFSET_COMMIT_INTERVAL = Duration.ofSeconds(5);
    /**
     * Records wait at most this long to be stored, or until there are {@link #RECORDS_PER_COMMIT}: a commit is a few
     * requests and a refresh per writer, so a busy partition commits in batches rather than after every poll.
     */
    private static final Duration RECORD_COMMIT_INTERVAL = Duration.ofMillis(250);

    private static final long RECORDS_PER_COMMIT = 5_000;

    private final int partition;
    private final String installation;
    private final ClusterStores stores;
    private final PartitionLogs logs;
    private final Duration intentTimeout;
    private final Clock wall;
    private final AccessEventReader reader = new AccessEventReader();
    private JournalDrivenCore core;
    private long nextOffset;
    private long committedOffset;
    private long snapshotOffset;
    /** When the last commit was, on the monotonic clock (intervals are measured, not read from the wall). */
    private long committedNanos = System.nanoTime();

    private Instant snapshotAt;

    private PartitionCore(int partition, String installation, ClusterStores stores, Duration intentTimeout, Clock wall)
            throws IOException {
        this.partition = partition;
        this.installation = installation;
        this.stores = stores;
        this.intentTimeout = intentTimeout;
        this.wall = wall;
        this.logs = new PartitionLogs(stores.mailboxWriter(partition), stores.unifiedWriter(partition));
        this.core = newCore();
        this.snapshotAt = wall.instant();
    }

    /**
     * Takes up {@code partition}: its snapshot if the writers hold the records it covers (else from the partition's
     * start), ready to apply from {@link #nextOffset()}.
     *
     * @param installation the cluster's and topic's name for Ids: with the partition, what the records' Ids derive
     *     from
     */
    static PartitionCore take(
            int partition, String installation, ClusterStores stores, Duration intentTimeout, Clock wall)
            throws IOException {
        PartitionCore taken = new PartitionCore(partition, installation, stores, intentTimeout, wall);
        taken.restore();
        return taken;
    }

    private JournalDrivenCore newCore() {
        return new JournalDrivenCore(
                RecordIds.named(installation + "/p" + partition),
                logs::accept,
                loss -> logs.skipTo(loss.storedRecords()),
                dropped -> logs.dropped(),
                intentTimeout);
    }

    private void restore() throws IOException {
        Optional<byte[]> saved = stores.snapshot(partition);
        if (saved.isEmpty()) {
            return;
        }
        try {
            CoreSnapshots.Loaded loaded = CoreSnapshots.fromBytes(saved.get());
            long stored = logs.nearestCheckpoint().records();
            if (loaded.header().records() > stored) {
                System.err.println("mt: the snapshot of partition " + partition + " covers "
                        + loaded.header().records() + " records, its stores hold " + stored
                        + ": not used, the partition is applied from its start");
                return;
            }
            CoreSnapshots.restore(loaded, core.sections());
            logs.skipTo(core.recordsMade());
            nextOffset = loaded.header().journalSequence();
            committedOffset = nextOffset;
            snapshotOffset = nextOffset;
        } catch (SnapshotFormatException e) {
            System.err.println("mt: the snapshot of partition " + partition + " is damaged (" + e.getMessage()
                    + "): the partition is applied from its start");
            core = newCore();
        }
    }

    int partition() {
        return partition;
    }

    /** The offset to read next. */
    long nextOffset() {
        return nextOffset;
    }

    RecordGenerator generator() {
        return core.generator();
    }

    /**
     * Applies one entry of the partition; one before {@link #nextOffset()} (read again) is passed over and gives
     * null. An entry that cannot be read stops the core with an error naming where it is.
     */
    Acceptance apply(SourcedEvent event) {
        if (event.offset() < nextOffset) {
            return null;
        }
        PipelineEntry entry;
        try {
            entry = PipelineEntry.decode(event.payload(), reader);
        } catch (EventFormatException e) {
            throw new UncheckedIOException(new IOException("the journal topic's partition " + partition
                    + " holds an entry at offset " + event.offset() + " that cannot be read: " + e.getMessage()));
        }
        Acceptance acceptance = core.apply(entry);
        nextOffset = event.offset() + 1;
        return acceptance;
    }

    /** Whether a commit is due: records wait to be stored, or the offset moved on a while ago. */
    boolean commitDue() {
        long sinceCommit = System.nanoTime() - committedNanos;
        return logs.uncommitted() >= RECORDS_PER_COMMIT
                || logs.uncommitted() > 0 && sinceCommit >= RECORD_COMMIT_INTERVAL.toNanos()
                || nextOffset > committedOffset && sinceCommit >= OFFSET_COMMIT_INTERVAL.toNanos();
    }

    /** Stores the records made and the offset reached; then takes a snapshot if one is due. */
    void commit() throws IOException {
        logs.commit(nextOffset);
        committedOffset = nextOffset;
        committedNanos = System.nanoTime();
        if (nextOffset > snapshotOffset
                && (nextOffset - snapshotOffset >= SNAPSHOT_ENTRIES
                        || !wall.instant().isBefore(snapshotAt.plus(SNAPSHOT_INTERVAL)))) {
            snapshot();
        }
    }

    /** Saves the core's state as of what is committed; call after {@link #commit()}. */
    void snapshot() throws IOException {
        if (nextOffset == snapshotOffset) {
            return;
        }
        Instant now = wall.instant();
        byte[] bytes =
                CoreSnapshots.toBytes(new CoreSnapshots.Header(nextOffset, core.recordsMade(), now), core.sections());
        stores.saveSnapshot(partition, nextOffset, core.recordsMade(), bytes);
        snapshotOffset = nextOffset;
        snapshotAt = now;
    }

    /** Records made and not yet committed. */
    long uncommitted() {
        return logs.uncommitted();
    }

    /** Stores the records made without their checkpoint: what a crash in the middle of a commit leaves. */
    void storeWithoutCheckpoint() throws IOException {
        logs.store();
    }

    /** The offset committed last (what Kafka's group offset follows). */
    long committedOffset() {
        return committedOffset;
    }

    /** Gives the partition up: what is not committed is dropped, to be made again by its next owner. */
    void close() throws IOException {
        logs.close();
    }
}
