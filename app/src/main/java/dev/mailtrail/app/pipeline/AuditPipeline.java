package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.store.journal.EventJournal;
import dev.mailtrail.store.journal.JournalCorruptException;
import dev.mailtrail.store.journal.JournalRepair;
import dev.mailtrail.store.log.AuditLogSearch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A data directory at work: journal → audit core → mailbox and unified audit logs. Any thread may submit events;
 * {@link #submit} completes once the event is durable (what a sensor waits for before it lets a read through), and
 * one core thread applies journal entries in journal order and stores the records. Opening replays the journal, so
 * a restart after {@code kill -9} rebuilds open windows, configuration and throttling exactly, and the stores skip
 * the records their last commit holds: nothing acknowledged is lost, nothing is stored twice.
 */
public final class AuditPipeline implements AuditBackend {
    /** The journal's directory inside a data directory: what makes a directory one. */
    public static final String JOURNAL = "journal";

    private final Path directory;
    private final Clock wall;
    private final DataDirectoryLock lock;
    private final EventJournal journal;
    private final AuditLogs logs;
    private final PipelineQueue queue;
    private final CoreLoop core;
    private final Thread coreThread;
    private final long replayedEntries;
    private long nextSequence;
    private final ReentrantLock submitting = new ReentrantLock();
    private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile java.util.function.Consumer<Throwable> failureHandler;
    private volatile PipelineObserver observer = PipelineObserver.NONE;

    private AuditPipeline(
            Path directory,
            Clock wall,
            PipelineOptions options,
            String purpose,
            PrintStream notices,
            boolean repair,
            IntentNamer namer)
            throws IOException {
        this.directory = directory;
        this.wall = wall;
        this.queue = new PipelineQueue(options.queueCapacity());
        this.lock = DataDirectoryLock.acquire(directory, purpose);
        EventJournal openedJournal = null;
        AuditLogs openedLogs = null;
        List<JournalRepair.Damage> damages = new ArrayList<>();
        try {
            openedJournal = repair
                    ? openRepairing(directory, wall, damages, notices)
                    : EventJournal.open(
                            directory.resolve(JOURNAL), options.snapshots().segmentBytes());
            openedLogs = new AuditLogs(directory, options.anchoring(), wall);
        } catch (IOException | RuntimeException e) {
            if (openedJournal != null) {
                openedJournal.close();
            }
            lock.close();
            throw e;
        }
        this.journal = openedJournal;
        this.logs = openedLogs;
        try {
            this.core = new CoreLoop(
                    directory, directory.resolve(JOURNAL), journal, logs, wall, options, queue, this::journalTick);
            this.core.intentNamer = namer;
            this.replayedEntries = core.open(notices, damages, repair ? purpose + " --repair" : null);
        } catch (IOException | RuntimeException e) {
            // what was opened is given back, so that the directory can be opened again (after the journal is mended)
            closeQuietly(logs, e);
            closeQuietly(journal, e);
            closeQuietly(lock, e);
            throw e;
        }
        this.nextSequence = journal.durableSequence() + 1;
        this.coreThread = Thread.ofPlatform().name("mailtrail-core").unstarted(this::runCore);
        coreThread.start();
    }

    /**
     * Opens (creating if needed) the data directory for writing: takes its lock, replays its journal into the
     * audit core and the stores, and starts the core thread.
     *
     * @param purpose what the process is, shown to another process that finds the directory in use
     */
    public static AuditPipeline open(Path directory, Clock wall, PipelineOptions options, String purpose)
            throws IOException {
        return new AuditPipeline(directory, wall, options, purpose, null, false, IntentNamer.NONE);
    }

    /**
     * As {@link #open(Path, Clock, PipelineOptions, String)}, saying on {@code notices} how the replay goes when it
     * takes more than a moment (a long journal): a person at a terminal should not wait in silence.
     */
    public static AuditPipeline open(
            Path directory, Clock wall, PipelineOptions options, String purpose, PrintStream notices)
            throws IOException {
        return new AuditPipeline(directory, wall, options, purpose, notices, false, IntentNamer.NONE);
    }

    /**
     * As {@link #open(Path, Clock, PipelineOptions, String, PrintStream)}, or {@link #openRepairing} when {@code
     * repair}; the messages of reads, deletes and moves the process stopped in (intents the replay leaves open) are
     * named by {@code namer} before their resolution is journaled.
     */
    public static AuditPipeline open(
            Path directory,
            Clock wall,
            PipelineOptions options,
            String purpose,
            PrintStream notices,
            boolean repair,
            IntentNamer namer)
            throws IOException {
        return new AuditPipeline(directory, wall, options, purpose, notices, repair, namer);
    }

    /**
     * As {@link #open(Path, Clock, PipelineOptions, String, PrintStream)}, repairing what would stop the open: each
     * damaged part of the journal is moved aside (into {@code journal-damaged-TIME/} beside it, never deleted), and
     * each damage, or a journal that ends before what the stores hold, is recorded in the audit log itself as an
     * {@code Add-MailTrailJournalDamage} admin record before anything new is accepted.
     */
    public static AuditPipeline openRepairing(
            Path directory, Clock wall, PipelineOptions options, String purpose, PrintStream notices)
            throws IOException {
        return new AuditPipeline(directory, wall, options, purpose, notices, true, IntentNamer.NONE);
    }

    /**
     * Runs {@code handler} on the core thread if it stops on an error while the pipeline is open: nothing more can
     * be recorded, and a server should end (with a non-zero status, so that its service manager restarts it)
     * rather than refuse every read from then on.
     */
    @Override
    public void onFailure(java.util.function.Consumer<Throwable> handler) {
        failureHandler = handler;
    }

    /** Tells {@code observer} what the pipeline does from now on (one observer; the last one set). */
    public void observe(PipelineObserver observer) {
        this.observer = observer;
        logs.observe(observer);
    }

    /** The journal's last durable sequence number. */
    public long journaledSequence() {
        return journal.durableSequence();
    }

    /** The sequence number of the last journal entry the audit core applied: behind the journal by its lag. */
    public long appliedSequence() {
        return core.appliedSequence();
    }

    /**
     * The audit core's counts as of the stores' last commit, without waiting for the core thread (for metrics);
     * {@link #statistics()} waits for everything submitted.
     */
    public java.util.Optional<AuditStatistics> committedStatistics() {
        return java.util.Optional.ofNullable(core.publishedStatistics());
    }

    @Override
    public Path directory() {
        return directory;
    }

    /** Journal entries replayed when the pipeline opened. */
    public long replayedEntries() {
        return replayedEntries;
    }

    /** Journals an event; completes with its sequence number once it is durable. */
    @Override
    public CompletableFuture<Long> submit(AuditEvent event) {
        return enqueue(List.of(new PipelineEntry.Event(event)), null);
    }

    /** Journals events in order as one group; completes once all are durable. */
    @Override
    public CompletableFuture<Long> submitAll(List<? extends AuditEvent> events) {
        List<PipelineEntry> entries = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            entries.add(new PipelineEntry.Event(event));
        }
        return enqueue(entries, null);
    }

    /** Journals an event and completes once the audit core has applied it, with what it decided. */
    @Override
    public CompletableFuture<Acceptance> apply(AuditEvent event) {
        CompletableFuture<Acceptance> done = new CompletableFuture<>();
        CompletableFuture<Long> durable = enqueue(List.of(new PipelineEntry.Event(event)), done);
        durable.whenComplete((sequence, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    /** Runs {@code question} on the core thread after everything submitted before it was applied. */
    @Override
    public <T> CompletableFuture<T> inspect(Function<RecordGenerator, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        submitting.lock();
        try {
            if (closed || core.failure() != null) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("the audit pipeline is " + (closed ? "closed" : "stopped")));
            }
            queue.add(new PipelineQueue.Task(() -> {
                try {
                    answer.complete(question.apply(core.generator()));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }));
        } finally {
            submitting.unlock();
        }
        return answer;
    }

    /** The audit core's counts so far (replayed entries included). */
    @Override
    public AuditStatistics statistics() throws IOException {
        return await(inspect(RecordGenerator::statistics));
    }

    /** Records the core made from the journal's start, once everything submitted so far is applied. */
    public long recordsMade() throws IOException {
        if (closed && !coreThread.isAlive()) {
            return logs.made();
        }
        return await(inspect(ignored -> logs.made()));
    }

    /** Commits the stores now, once everything submitted so far is applied. */
    public void commit() throws IOException {
        await(inspect(ignored -> {
            core.commitStores();
            return null;
        }));
    }

    /**
     * Commits the stores and snapshots the audit core now, once everything submitted so far is applied (a snapshot is
     * otherwise taken on the policy's schedule, decision 0030).
     */
    public void snapshot() throws IOException {
        await(inspect(ignored -> {
            core.commitAndSnapshotNow();
            return null;
        }));
    }

    /** One retention pass now: each mailbox by its AuditLogAgeLimit, the unified log by its retention. */
    public RetentionReport runRetention() throws IOException {
        return await(inspect(ignored -> {
            try {
                return core.retention();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The mailbox audit log, for searching in this process. */
    @Override
    public AuditLogSearch mailboxLog() {
        return logs.mailboxLog();
    }

    /** The unified audit log, for searching in this process. */
    @Override
    public AuditLogSearch unifiedLog() {
        return logs.unifiedLog();
    }

    /** Closes {@code resource} (a listener that feeds this pipeline) first when the pipeline closes. */
    @Override
    public void closeWith(AutoCloseable resource) {
        closeFirst.add(resource);
    }

    /**
     * Flushes every open window (journaled, so a replay flushes at the same point), applies everything, commits
     * the stores and closes. Idempotent.
     */
    @Override
    public void close() throws IOException {
        for (AutoCloseable resource : closeFirst) {
            try {
                resource.close();
            } catch (Exception e) {
                // a listener that fails to close must not keep the records from being flushed
            }
        }
        closeFirst.clear();
        submitting.lock();
        try {
            if (closed) {
                return;
            }
            if (core.failure() == null) {
                enqueue(List.of(new PipelineEntry.Flush(wall.instant())), null);
            }
            closed = true;
            queue.add(new PipelineQueue.Stop());
        } finally {
            submitting.unlock();
        }
        try {
            coreThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = core.failure();
        try {
            if (failure == null) {
                core.commitAndSnapshot();
            }
        } finally {
            try {
                journal.close();
            } finally {
                try {
                    logs.close();
                } finally {
                    lock.close();
                }
            }
        }
        if (failure != null) {
            throw new IOException("the audit pipeline stopped on an error: " + failure.getMessage(), failure);
        }
    }

    private void runCore() {
        core.run();
        Throwable failure = core.failure();
        java.util.function.Consumer<Throwable> handler = failureHandler;
        if (failure != null && handler != null && !closed) {
            handler.accept(failure);
        }
    }

    private static EventJournal openRepairing(
            Path directory, Clock wall, List<JournalRepair.Damage> damages, PrintStream notices) throws IOException {
        Path aside = directory.resolve("journal-damaged-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(java.time.ZoneOffset.UTC)
                        .format(wall.instant()));
        while (true) {
            try {
                return EventJournal.open(directory.resolve(JOURNAL));
            } catch (JournalCorruptException e) {
                if (damages.size() >= 1_000) {
                    throw e;
                }
                JournalRepair.Damage damage = JournalRepair.moveAside(e, aside);
                damages.add(damage);
                if (notices != null) {
                    notices.println("mt: journal damage set aside: " + e.getMessage() + "; " + damage.bytesMoved()
                            + " bytes moved to " + aside);
                }
            }
        }
    }

    private CompletableFuture<Long> enqueue(List<PipelineEntry> entries, CompletableFuture<Acceptance> done) {
        // encoded before the lock: concurrent sensors (the proxy's sessions) encode in parallel
        List<byte[]> payloads = encode(entries);
        submitting.lock();
        try {
            return enqueueLocked(entries, payloads, done);
        } finally {
            submitting.unlock();
        }
    }

    private List<byte[]> encode(List<PipelineEntry> entries) {
        return PipelineEntry.encodeAll(entries);
    }

    private CompletableFuture<Long> enqueueLocked(
            List<PipelineEntry> entries, List<byte[]> payloads, CompletableFuture<Acceptance> done) {
        Throwable failed = core.failure();
        if (failed != null) {
            return CompletableFuture.failedFuture(failed);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the audit pipeline is closed"));
        }
        CompletableFuture<Long> durable = journal.appendAll(payloads);
        int events = (int)
                entries.stream().filter(PipelineEntry.Event.class::isInstance).count();
        PipelineObserver told = observer;
        if (events > 0 && told != PipelineObserver.NONE) {
            durable.thenRun(() -> told.journaled(events));
        }
        queue.addEntries(entries, nextSequence, durable, done);
        nextSequence += entries.size();
        return durable;
    }

    /** A tick from the core thread, journaled like everything it applies (skipped while a submitter holds on). */
    private void journalTick(Instant now) {
        if (!submitting.tryLock()) {
            return;
        }
        try {
            if (!closed && core.failure() == null) {
                List<PipelineEntry> tick = List.of(new PipelineEntry.Tick(now));
                enqueueLocked(tick, encode(tick), null);
            }
        } finally {
            submitting.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable opened, Exception cause) {
        try {
            opened.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
