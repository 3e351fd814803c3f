package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.pipeline.RetentionReport;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.journal.kafka.KafkaEventSource;
import dev.mailtrail.journal.kafka.KafkaJournalSettings;
import dev.mailtrail.journal.kafka.SourcedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One audit core consumer of the cores' group (decision 0033): a thread that owns the partitions Kafka assigns it,
 * one {@link PartitionCore} each. It polls, applies each entry to its partition's core, stores and checkpoints the
 * records per partition, then commits the group's offsets (for lag monitoring: the checkpoints are what a new owner
 * reads from); it journals a tick on each partition it owns every tick interval. A partition revoked is committed and
 * dropped; one assigned is taken up from its snapshot and checkpoint.
 */
final class CoreConsumer implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    /** The embedded pipeline's retention interval and unified log retention, for the cluster's pass too. */
    private static final PipelineOptions RETENTION = PipelineOptions.defaults();

    private final int number;
    private final ClusterSettings settings;
    private final KafkaJournalSettings kafka;
    private final String installation;
    private final ClusterStores stores;
    private final ClusterJournal journal;
    private final AppliedWaiters waiters;
    private final Clock wall;
    private final Consumer<Throwable> failed;
    private final TreeMap<Integer, PartitionCore> cores = new TreeMap<>();
    private final ConcurrentLinkedQueue<Consumer<CoreConsumer>> tasks = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile NavigableSet<Integer> owned = new TreeSet<>();
    private volatile boolean stopping;
    /** Stop as a crash would: nothing committed, the group left (tests of what a new owner makes again). */
    private volatile boolean crashing;
    /** Stop as a crash in the middle of a commit would: records stored, their checkpoint not. */
    private volatile boolean crashInCommit;

    /** What went wrong in a rebalance callback (Kafka only logs what they throw): the loop stops on it. */
    private RuntimeException rebalanceFailure;

    /** When the next retention pass is due, on the wall clock (run by the owner of partition 0 only). */
    private Instant nextRetention;

    /** When the last ticks were journaled, on the monotonic clock: the interval is measured, the tick's time is read. */
    private long lastTickNanos;

    private KafkaEventSource source;

    CoreConsumer(
            int number,
            ClusterSettings settings,
            KafkaJournalSettings kafka,
            String installation,
            ClusterStores stores,
            ClusterJournal journal,
            AppliedWaiters waiters,
            Clock wall,
            Consumer<Throwable> failed) {
        this.number = number;
        this.settings = settings;
        this.kafka = kafka;
        this.installation = installation;
        this.stores = stores;
        this.journal = journal;
        this.waiters = waiters;
        this.wall = wall;
        this.failed = failed;
        this.thread = Thread.ofPlatform().name("mailtrail-core-" + number).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** The partitions this consumer owns now (read from any thread). */
    NavigableSet<Integer> owned() {
        return owned;
    }

    /**
     * Runs {@code task} on this consumer's thread between polls; once the thread has stopped, on the caller's, with
     * no partition owned (a question to a stopped core gets an answer, never a wait for ever).
     */
    void submit(Consumer<CoreConsumer> task) {
        tasks.add(task);
        if (stopped.getCount() == 0) {
            runTasks();
        }
    }

    /** The core of {@code partition}, on this consumer's thread only; null if this consumer does not own it. */
    PartitionCore core(int partition) {
        return cores.get(partition);
    }

    /** Every partition core this consumer owns, on its thread only. */
    Iterable<PartitionCore> cores() {
        return cores.values();
    }

    private void run() {
        Throwable failure = null;
        try {
            source = KafkaEventSource.open(kafka, settings.group());
            source.subscribe(new KafkaEventSource.Assignment() {
                @Override
                public void revoked(Set<Integer> partitions) {
                    try {
                        giveUp(partitions);
                    } catch (RuntimeException e) {
                        rebalanceFailure = e;
                        throw e;
                    }
                }

                @Override
                public void assigned(Set<Integer> partitions) {
                    try {
                        take(partitions);
                    } catch (RuntimeException e) {
                        rebalanceFailure = e;
                        throw e;
                    }
                }

                @Override
                public void lost(Set<Integer> partitions) {
                    drop(partitions);
                }
            });
            lastTickNanos = System.nanoTime();
            nextRetention = wall.instant();
            while (!stopping) {
                runTasks();
                try {
                    source.poll(POLL, this::apply);
                } catch (org.apache.kafka.common.KafkaException e) {
                    // Kafka wraps what a rebalance callback threw in words of its own: the cause is what to say
                    throw rebalanceFailure != null ? rebalanceFailure : e;
                }
                if (rebalanceFailure != null) {
                    throw rebalanceFailure;
                }
                commitDue(false);
                tickDue();
                retentionDue();
            }
            runTasks();
            if (!crashing) {
                commitDue(true);
                for (PartitionCore core : cores.values()) {
                    core.snapshot();
                }
            }
        } catch (RuntimeException | IOException e) {
            failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        } finally {
            try {
                if (source != null) {
                    // leaving the group revokes what is left: committed above, or (a crash) not at all
                    crashing = crashing || failure != null;
                    source.close();
                }
            } catch (RuntimeException e) {
                if (failure == null && !crashing) {
                    failure = e;
                }
            }
            dropAll();
            stopped.countDown();
            runTasks(); // what was asked meanwhile is answered with no partition owned
        }
        if (failure != null && !stopping) {
            failed.accept(failure);
        }
    }

    private void apply(SourcedEvent event) {
        PartitionCore core = cores.get(event.partition());
        if (core == null) {
            return;
        }
        Acceptance acceptance = core.apply(event);
        waiters.applied(event.partition(), event.offset(), acceptance);
    }

    private synchronized void runTasks() {
        Consumer<CoreConsumer> task;
        while ((task = tasks.poll()) != null) {
            task.accept(this);
        }
    }

    /** Stores and checkpoints each partition whose commit is due, then commits the group's offsets for them. */
    private void commitDue(boolean all) throws IOException {
        Map<Integer, Long> offsets = new HashMap<>();
        for (PartitionCore core : cores.values()) {
            if (crashInCommit && core.uncommitted() > 0) {
                core.storeWithoutCheckpoint();
                crashing = true;
                stopping = true;
                return;
            }
            if (all ? core.nextOffset() > core.committedOffset() || core.commitDue() : core.commitDue()) {
                core.commit();
                offsets.put(core.partition(), core.committedOffset());
            }
        }
        if (!offsets.isEmpty()) {
            try {
                source.commit(offsets);
            } catch (org.apache.kafka.common.errors.RebalanceInProgressException
                    | org.apache.kafka.clients.consumer.CommitFailedException e) {
                // the group's offsets are for lag monitoring only (the checkpoints are stored above): a commit
                // refused while another core joins the group is made by the next one
            }
        }
    }

    private void tickDue() {
        if (System.nanoTime() - lastTickNanos < settings.tickInterval().toNanos()) {
            return;
        }
        lastTickNanos = System.nanoTime();
        Instant now = wall.instant();
        for (int partition : cores.keySet()) {
            // a tick that Kafka refuses is only late: the next one moves the clock as far
            journal.tick(partition, now).exceptionally(ignored -> null);
        }
    }

    /**
     * One retention pass over the whole cluster's logs, when its interval has passed and this consumer owns
     * partition 0 (one process at a time runs it; every partition's core holds the same configuration).
     */
    private void retentionDue() throws IOException {
        if (!cores.containsKey(0) || wall.instant().isBefore(nextRetention)) {
            return;
        }
        nextRetention = wall.instant().plus(RETENTION.retentionInterval());
        retention();
    }

    /** One retention pass now, by partition 0's configuration; null when this consumer does not own partition 0. */
    RetentionReport retention() throws IOException {
        PartitionCore zero = cores.get(0);
        if (zero == null) {
            return null;
        }
        return stores.purgeExpired(zero.generator().configuration(), wall.instant(), RETENTION.unifiedRetention());
    }

    private void take(Set<Integer> partitions) {
        try {
            for (int partition : new TreeSet<>(partitions)) {
                PartitionCore core =
                        PartitionCore.take(partition, installation, stores, settings.intentTimeout(), wall);
                cores.put(partition, core);
                long first = source.firstOffset(partition);
                if (core.nextOffset() < first) {
                    // the events between were deleted by the topic's retention: applying on from what is left would
                    // number records differently from those stored, and silently miss the events lost
                    throw new IOException("partition " + partition + " of " + settings.topic() + " begins at offset "
                            + first + " (older segments were deleted by the topic's retention), but its audit core"
                            + " must read from offset " + core.nextOffset() + ", where its last usable snapshot and"
                            + " checkpoint leave it; restore the partition's snapshot from a backup or raise the"
                            + " topic's retention.ms above the snapshot interval");
                }
                source.seek(partition, core.nextOffset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(
                    "audit core " + number + " cannot take up partitions " + partitions + ": " + e.getMessage(), e));
        } finally {
            owned = new TreeSet<>(cores.keySet());
        }
    }

    private void giveUp(Set<Integer> partitions) {
        try {
            Map<Integer, Long> offsets = new HashMap<>();
            for (int partition : partitions) {
                PartitionCore core = cores.remove(partition);
                if (core == null) {
                    continue;
                }
                try {
                    if (!crashing) {
                        core.commit();
                        core.snapshot();
                        offsets.put(partition, core.committedOffset());
                    }
                } finally {
                    core.close();
                }
            }
            if (!offsets.isEmpty()) {
                try {
                    source.commit(offsets);
                } catch (org.apache.kafka.common.errors.RebalanceInProgressException
                        | org.apache.kafka.clients.consumer.CommitFailedException e) {
                    // for lag monitoring only: the partitions' checkpoints are stored above
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(
                    "audit core " + number + " cannot store what it applied of partitions " + partitions + ": "
                            + e.getMessage(),
                    e));
        } finally {
            owned = new TreeSet<>(cores.keySet());
        }
    }

    /** Partitions another member may apply already: dropped without storing anything more from them. */
    private void drop(Set<Integer> partitions) {
        for (int partition : partitions) {
            PartitionCore core = cores.remove(partition);
            if (core != null) {
                try {
                    core.close();
                } catch (IOException e) {
                    // dropped all the same
                }
            }
        }
        owned = new TreeSet<>(cores.keySet());
    }

    private void dropAll() {
        for (PartitionCore core : cores.values()) {
            try {
                core.close();
            } catch (IOException e) {
                // dropped: its next owner makes again what it had not committed
            }
        }
        cores.clear();
        owned = new TreeSet<>();
    }

    /** Stops as a crash would: nothing more is stored or committed; the group gives the partitions to others. */
    void crash() throws InterruptedException {
        crashing = true;
        stopping = true;
        stopped.await();
    }

    /**
     * Stops as a crash in the middle of a batch would: the next commit stores its records without their checkpoint,
     * and nothing after.
     */
    void armCrashInCommit() {
        crashInCommit = true;
    }

    /** Returns once this consumer's thread has stopped. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Commits what was applied, snapshots each partition and leaves the group. */
    @Override
    public void close() {
        stopping = true;
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
