package dev.mailtrail.app.pipeline;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.app.pipeline.snapshot.SnapshotFormatException;
import dev.mailtrail.store.journal.EventJournal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The core thread's snapshots (decision 0030): when one is due, taking it, and after it deleting the journal segments
 * that it and the stores cover (all but the configured tail); at opening, taking up the newest snapshot that can be
 * used, passing over — and saying so — one that is damaged.
 */
final class CoreSnapshotting {
    /** Makes a new, empty core to restore into: a snapshot that fails half-way leaves its core unusable. */
    @FunctionalInterface
    interface FreshCore {
        JournalDrivenCore make() throws IOException;
    }

    /** A core restored from the snapshot of {@code sequence}. */
    record Restored(JournalDrivenCore core, long sequence) {}

    private final CoreSnapshots files;
    private final EventJournal journal;
    private final SnapshotPolicy policy;
    private final Clock wall;
    private final List<String> fallbacks = new ArrayList<>();
    private long lastSequence = -1;
    private Instant lastAt;

    CoreSnapshotting(Path directory, EventJournal journal, SnapshotPolicy policy, Clock wall) {
        this.files = new CoreSnapshots(directory, policy.kept());
        this.journal = journal;
        this.policy = policy;
        this.wall = wall;
        this.lastAt = wall.instant();
    }

    /** Snapshots passed over at opening, each with why. */
    List<String> fallbacks() {
        return List.copyOf(fallbacks);
    }

    /** The journal sequence of the last snapshot taken or restored; -1 if none. */
    long lastSequence() {
        return lastSequence;
    }

    /**
     * The newest snapshot whose records the stores hold ({@code storedRecords}: what the store that lags holds) and
     * whose sequence the journal reaches, restored into a fresh core; null if none can be used.
     */
    Restored restore(FreshCore fresh, long storedRecords, PrintStream notices) throws IOException {
        for (Path file : files.files()) {
            long sequence = CoreSnapshots.sequenceOf(file);
            if (sequence > journal.durableSequence()) {
                passOver(
                        notices,
                        file + " covers journal sequence " + sequence + ", beyond the journal's end at "
                                + journal.durableSequence() + ": not used");
                continue;
            }
            try {
                CoreSnapshots.Loaded loaded = CoreSnapshots.load(file);
                if (loaded.header().records() > storedRecords) {
                    passOver(
                            notices,
                            file + " covers " + loaded.header().records() + " records, the stores hold " + storedRecords
                                    + ": not used");
                    continue;
                }
                JournalDrivenCore core = fresh.make();
                CoreSnapshots.restore(loaded, core.sections());
                lastSequence = sequence;
                lastAt = wall.instant();
                return new Restored(core, sequence);
            } catch (SnapshotFormatException e) {
                passOver(
                        notices,
                        "snapshot " + file + " is damaged: " + e.getMessage()
                                + "; falling back to the snapshot before it");
            }
        }
        return null;
    }

    /** Whether a snapshot is due after a commit that reached {@code appliedSequence}. */
    boolean due(long appliedSequence) {
        return appliedSequence > 0
                && appliedSequence > lastSequence
                && (lastSequence < 0
                        || appliedSequence - lastSequence >= policy.entries()
                        || !wall.instant().isBefore(lastAt.plus(policy.interval())));
    }

    /**
     * Snapshots {@code core} as of {@code appliedSequence}, then deletes what it and the stores cover beyond the tail.
     * A snapshot that cannot be written is said so and the pipeline goes on: the next start replays more journal.
     *
     * @param storedSequence how far the store that lags has committed
     */
    void take(long appliedSequence, long storedSequence, JournalDrivenCore core) {
        lastAt = wall.instant();
        try {
            files.write(appliedSequence, core.recordsMade(), lastAt, core.sections());
            lastSequence = appliedSequence;
            journal.deleteCoveredSegments(Math.min(appliedSequence, storedSequence), policy.journalTailBytes());
            files.prune(journal.firstSequence(), sequence -> {
                try {
                    return journal.segmentOf(sequence);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("mt: the audit core's snapshot in " + files.directory() + " could not be written or"
                    + " the journal kept could not be trimmed: " + e.getMessage()
                    + "; the next start replays more of the journal");
        }
    }

    private void passOver(PrintStream notices, String why) {
        fallbacks.add(why);
        (notices != null ? notices : System.err).println("mt: " + why);
    }
}
