package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.store.journal.EventJournal;
import dev.mailtrail.store.journal.JournalRepair;
import dev.mailtrail.store.log.Checkpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The pipeline's core thread: applies journal entries to the audit core in journal order (replayed at opening, then
 * as they are submitted, or read back from the journal when the queue overflowed), stores the records the core
 * makes, and keeps house on the wall clock: commits, ticks for mailboxes gone quiet, retention. The core's own clock
 * only moves with the entries, so a replay decides exactly what the first run decided.
 */
final class CoreLoop {
    private static final long IDLE_POLL_MILLIS = 100;

    private final EventJournal journal;
    private final Path journalPath;
    private final AuditLogs logs;
    private final Clock wall;
    private final PipelineOptions options;
    private final PipelineQueue queue;
    private final Consumer<Instant> ticks;
    private final Housekeeping housekeeping;
    private final Path directory;
    private final CoreSnapshotting snapshotting;
    private JournalDrivenCore core;
    /** Names the items of intents the replay leaves open, before their resolution is journaled. */
    IntentNamer intentNamer = IntentNamer.NONE;

    private final AccessEventReader eventReader = new AccessEventReader();
    private volatile long appliedSequence;
    private volatile dev.mailtrail.core.generate.AuditStatistics published;
    private volatile Throwable failure;

    /**
     * @param ticks journals a tick at the given wall time, as the submit side journals everything the core applies
     */
    CoreLoop(
            Path directory,
            Path journalPath,
            EventJournal journal,
            AuditLogs logs,
            Clock wall,
            PipelineOptions options,
            PipelineQueue queue,
            Consumer<Instant> ticks)
            throws IOException {
        this.journal = journal;
        this.journalPath = journalPath;
        this.logs = logs;
        this.wall = wall;
        this.options = options;
        this.queue = queue;
        this.ticks = ticks;
        this.housekeeping = new Housekeeping(wall, options);
        this.directory = directory;
        this.core = newCore();
        this.snapshotting = new CoreSnapshotting(directory, journal, options.snapshots(), wall);
    }

    private JournalDrivenCore newCore() throws IOException {
        return new JournalDrivenCore(RecordIds.of(directory), logs::accept, loss -> logs.skipTo(loss.storedRecords()));
    }

    RecordGenerator generator() {
        return core.generator();
    }

    /** The journal sequence of the last entry applied (read from any thread). */
    long appliedSequence() {
        return appliedSequence;
    }

    /** The core's counts as of the last commit of the stores (read from any thread); null before the first. */
    dev.mailtrail.core.generate.AuditStatistics publishedStatistics() {
        return published;
    }

    /** Why the core thread stopped, or null while it runs (or stopped cleanly). */
    Throwable failure() {
        return failure;
    }

    /**
     * Takes up the newest usable snapshot and replays the journal after it (all of it without one) into the core and
     * the stores (those skip what their last commit holds), then runs
     * the opening retention pass: what it purges is decided by what was stored before anything new arrives.
     *
     * @return the entries replayed
     */
    long open(PrintStream notices) throws IOException {
        return open(notices, java.util.List.of(), null);
    }

    /**
     * As {@link #open(PrintStream)}; then checks that the journal reaches what the stores hold. With {@code foundBy}
     * (a repair) each damage set aside, and stores ahead of the journal, are journaled and recorded as a {@link
     * PipelineEntry.Loss}; without, stores ahead stop the open.
     */
    long open(PrintStream notices, java.util.List<JournalRepair.Damage> damages, String foundBy) throws IOException {
        long[] count = {0};
        Checkpoint nearest = logs.nearestCheckpoint();
        long from = restoreSnapshot(
                        Math.min(nearest.records(), logs.furthestCheckpoint().records()), notices)
                + 1;
        if (from < journal.firstSequence()) {
            throw new JournalTrimmedException(
                    journalPath, journal.firstSequence(), from, nearest, snapshotting.fallbacks());
        }
        ReplayProgress progress =
                new ReplayProgress(notices, journalPath.getParent(), journal.durableSequence() - from + 1);
        try {
            DecodingReader.read(
                    journal, from, entry -> PipelineEntry.decode(entry, eventReader, journalPath), decoded -> {
                        applyEntry(decoded.entry());
                        appliedSequence = decoded.sequence();
                        count[0]++;
                        progress.applied(count[0]);
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        progress.done(count[0]);
        Checkpoint stored = logs.furthestCheckpoint();
        boolean storesAhead = logs.made() < stored.records()
                || appliedSequence < stored.journalSequence() && core.lossCoveredSequence() < stored.journalSequence();
        if (storesAhead && foundBy == null) {
            throw new StoresAheadOfJournalException(
                    journalPath, appliedSequence, logs.made(), stored, journal.recovery());
        }
        if (foundBy != null) {
            long journalEnd = appliedSequence;
            for (JournalRepair.Damage damage : damages) {
                journalLoss(JournalLoss.of(damage, journalEnd, stored, wall.instant(), foundBy));
            }
            if (damages.isEmpty() && storesAhead) {
                journalLoss(JournalLoss.storesAhead(journalEnd, logs.made(), stored, wall.instant(), foundBy));
            }
        }
        if (!generator().pendingIntents().isEmpty()) {
            journalResolve();
        }
        if (logs.uncommitted() > 0) {
            commitStores();
        }
        retention();
        if (count[0] > 0 && snapshotting.due(appliedSequence)) {
            commitStores();
        }
        housekeeping.opened();
        return count[0];
    }

    /**
     * Intents the replay left open are resolved by a journaled entry, applied at once: a later replay resolves them at
     * the same point, so it makes the same records (docs/decisions/0011). What the {@link #intentNamer} finds of their
     * unnamed items travels in the entry: the replay names them without asking the server.
     */
    private void journalResolve() throws IOException {
        PipelineEntry.Resolve resolve = new PipelineEntry.Resolve(
                wall.instant(), IntentNaming.names(intentNamer, generator().pendingIntents()));
        long sequence = EventJournal.await(journal.append(
                PipelineEntry.encodeAll(java.util.List.of(resolve)).get(0)));
        applyEntry(resolve);
        appliedSequence = sequence;
    }

    /**
     * Takes up the newest snapshot the stores' commits cover; one that cannot be read is passed over for the one
     * before it, and said so. Returns the journal sequence restored (0: none, replay from the start).
     */
    private long restoreSnapshot(long storedRecords, PrintStream notices) throws IOException {
        CoreSnapshotting.Restored restored = snapshotting.restore(this::newCore, storedRecords, notices);
        if (restored == null) {
            return 0;
        }
        core = restored.core();
        logs.skipTo(core.recordsMade());
        appliedSequence = restored.sequence();
        return restored.sequence();
    }

    /** Commits the stores and snapshots the core, even if the last snapshot covers the same journal sequence. */
    void commitAndSnapshotNow() {
        commitStores();
        snapshotting.take(appliedSequence, logs.nearestCheckpoint().journalSequence(), core);
    }

    void commitAndSnapshot() {
        commitStores();
        if (appliedSequence > snapshotting.lastSequence()) {
            snapshotting.take(appliedSequence, logs.nearestCheckpoint().journalSequence(), core);
        }
    }

    /** Journals a loss and applies it at once: it is part of the journal from now on, replayed like the rest. */
    private void journalLoss(PipelineEntry.Loss loss) throws IOException {
        long sequence = EventJournal.await(
                journal.append(PipelineEntry.encodeAll(java.util.List.of(loss)).get(0)));
        applyEntry(loss);
        appliedSequence = sequence;
        commitStores();
    }

    /** The core thread's loop, until a {@link PipelineQueue.Stop} or a failure (then kept in {@link #failure()}). */
    void run() {
        try {
            while (true) {
                PipelineQueue.Work work = queue.poll(IDLE_POLL_MILLIS);
                if (work == null) {
                    idle();
                    housekeeping(false);
                    continue;
                }
                switch (work) {
                    case PipelineQueue.Stop stop -> {
                        return;
                    }
                    case PipelineQueue.Task task -> task.run().run();
                    case PipelineQueue.Apply apply -> {
                        apply.durable().get();
                        Acceptance acceptance = applyEntry(apply.entry());
                        appliedSequence = apply.sequence();
                        if (apply.done() != null) {
                            apply.done().complete(acceptance);
                        }
                    }
                    case PipelineQueue.Journaled journaled -> catchUp(journaled);
                }
                housekeeping(work instanceof PipelineQueue.Journaled);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            drainAfterFailure();
        }
    }

    /** Commits the stores: every record of the entries applied so far. */
    void commitStores() {
        try {
            logs.commit(appliedSequence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        housekeeping.committed();
        published = generator().statistics();
        if (snapshotting.due(appliedSequence)) {
            snapshotting.take(appliedSequence, logs.nearestCheckpoint().journalSequence(), core);
        }
    }

    /** One retention pass: each mailbox by its AuditLogAgeLimit, the unified log by its retention. */
    RetentionReport retention() throws IOException {
        RetentionReport report =
                logs.purgeExpired(generator().configuration(), wall.instant(), options.unifiedRetention());
        if (report.mailboxRecords() > 0 || report.unifiedRecords() > 0) {
            commitStores();
        }
        return report;
    }

    /** Applies entries that were only journaled (the queue was full), reading them back from the journal. */
    private void catchUp(PipelineQueue.Journaled journaled)
            throws ExecutionException, InterruptedException, IOException {
        journaled.durable.get();
        try {
            journal.read(journaled.first, journaled.last, entry -> {
                applyEntry(PipelineEntry.decode(entry, eventReader, journalPath));
                appliedSequence = entry.sequence();
                try {
                    housekeeping(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Acceptance applyEntry(PipelineEntry entry) {
        return core.apply(entry);
    }

    /** Nothing to do for a moment: the clock passing closes the windows of mailboxes gone quiet. */
    private void idle() {
        Instant now = housekeeping.tickDue(generator().openWindows());
        if (now != null) {
            ticks.accept(now);
        }
    }

    /** After every entry and every idle moment: commits and retention when due (see {@link Housekeeping}). */
    private void housekeeping(boolean behind) throws IOException {
        if (housekeeping.commitDue(logs.uncommitted(), behind)) {
            commitStores();
        }
        if (housekeeping.retentionDue()) {
            retention();
        }
    }

    private void drainAfterFailure() {
        if (failure == null) {
            return;
        }
        IllegalStateException stopped = new IllegalStateException("the audit pipeline stopped: " + failure, failure);
        for (PipelineQueue.Work work : queue.drain()) {
            if (work instanceof PipelineQueue.Apply apply && apply.done() != null) {
                apply.done().completeExceptionally(stopped);
            }
        }
    }
}
