package dev.mailtrail.app.pipeline;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.app.pipeline.snapshot.SnapshotFormatException;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.store.journal.JournalVerifier;
import dev.mailtrail.store.log.ChainScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the journal says the stores must hold: the journal read back frame by frame and applied to an audit core of
 * its own, exactly as the pipeline's core thread applies it, so that each record comes out with the Id the stores
 * gave it. Accesses the core suppressed (throttled, de-duplicated, not audited) make no record here either. Changes
 * nothing in the data directory; runs beside a process that writes it.
 */
public final class JournalReplay {
    /** A record the journal makes, and where it belongs in a store. */
    public record Expected(
            String id, long ordinal, String chain, Instant creationTime, String operation, String mailbox) {}

    /**
     * @param journal the journal's frames as read back
     * @param expected per store, the records it must hold, in the order they reached it
     * @param lost the Ids of stored records whose events a repair set aside (their damage record accounts for them)
     * @param unreadable why the replay stopped before the journal's end, or null
     * @param fromSnapshot the snapshot the replay started from (a journal whose first segments were deleted), or null
     * @param recordsBefore records made before the replay's start (those of the snapshot): not in {@code expected}
     * @param idOf the Id of the n-th record made from the journal's start
     */
    public record Result(
            JournalVerifier.Report journal,
            Map<String, List<Expected>> expected,
            Set<String> lost,
            String unreadable,
            Path fromSnapshot,
            long recordsBefore,
            java.util.function.LongFunction<String> idOf) {}

    private final Map<String, Long> storedRecords;
    private final Map<String, List<Expected>> expected = new LinkedHashMap<>();
    private final Set<String> lost = new HashSet<>();
    private final RecordIds ids;
    private long made;

    private JournalReplay(RecordIds ids, Map<String, Long> storedRecords) {
        this.ids = ids;
        this.storedRecords = storedRecords;
        storedRecords.keySet().forEach(store -> expected.put(store, new ArrayList<>()));
    }

    /**
     * Replays {@code dataDirectory}'s journal; keeps, for each store named in {@code storedRecords}, the records up to
     * the count its last commit holds.
     */
    public static Result replay(Path dataDirectory, Map<String, Long> storedRecords) throws IOException {
        // a journal whose start was deleted is replayed from the oldest snapshot it follows on from
        Path journal = dataDirectory.resolve(AuditPipeline.JOURNAL);
        RecordIds ids = RecordIds.existing(dataDirectory).orElse(null);
        if (ids == null) {
            return new Result(
                    JournalVerifier.verify(journal),
                    Map.of(),
                    Set.of(),
                    "the data directory has no " + RecordIds.FILE
                            + " file, so the Ids of its records cannot be made again",
                    null,
                    0,
                    n -> null);
        }
        return new JournalReplay(ids, storedRecords).run(dataDirectory, journal);
    }

    private Result run(Path dataDirectory, Path journal) throws IOException {
        JournalDrivenCore core = new JournalDrivenCore(ids, this::made, this::lost);
        long first = journalFirst(journal);
        CoreSnapshots.Loaded snapshot = null;
        if (first > 1) {
            // the journal's start was deleted: replay from the oldest snapshot it follows on from
            snapshot = oldestSnapshotFrom(dataDirectory, first);
            if (snapshot == null) {
                return new Result(
                        JournalVerifier.verify(journal),
                        expected,
                        lost,
                        "the journal begins at sequence " + first
                                + " and no readable snapshot covers what came before it",
                        null,
                        0,
                        ids::idOf);
            }
            try {
                CoreSnapshots.restore(snapshot, core.sections());
            } catch (SnapshotFormatException e) {
                throw new IllegalStateException("a snapshot read twice differs", e);
            }
            made = snapshot.header().records();
        }
        long after = snapshot == null ? 0 : snapshot.header().journalSequence();
        AccessEventReader reader = new AccessEventReader();
        String[] unreadable = {null};
        JournalVerifier.Report report = JournalVerifier.verify(journal, entry -> {
            if (unreadable[0] != null || entry.sequence() <= after) {
                return;
            }
            try {
                core.apply(PipelineEntry.decode(entry, reader, journal));
            } catch (UncheckedIOException e) {
                unreadable[0] = e.getCause().getMessage();
            }
        });
        return new Result(
                report,
                expected,
                lost,
                unreadable[0],
                snapshot == null ? null : snapshot.file(),
                snapshot == null ? 0 : snapshot.header().records(),
                ids::idOf);
    }

    private static long journalFirst(Path journal) throws IOException {
        Path file = journal.resolve("first-sequence");
        try {
            return java.nio.file.Files.exists(file)
                    ? Long.parseLong(java.nio.file.Files.readString(file).strip())
                    : 1;
        } catch (NumberFormatException e) {
            throw new IOException(file + " should hold the journal's first sequence number", e);
        }
    }

    /** The oldest snapshot that loads and that the journal beginning at {@code first} follows on from. */
    private CoreSnapshots.Loaded oldestSnapshotFrom(Path dataDirectory, long first) throws IOException {
        List<Path> files = new ArrayList<>(new CoreSnapshots(dataDirectory, 1).files());
        java.util.Collections.reverse(files);
        for (Path file : files) {
            if (CoreSnapshots.sequenceOf(file) + 1 < first) {
                continue;
            }
            try {
                CoreSnapshots.Loaded loaded = CoreSnapshots.load(file);
                Long fewest = storedRecords.values().stream().min(Long::compare).orElse(Long.MAX_VALUE);
                if (loaded.header().records() <= fewest) {
                    return loaded;
                }
            } catch (SnapshotFormatException e) {
                // the snapshot check reports it; an older one will do
            }
        }
        return null;
    }

    private void made(AuditRecord record, OrganizationConfig organization) {
        made++;
        keep(AuditLogs.MAILBOX_LOG, RecordRouting.toMailboxLog(record), ChainScheme.PER_MAILBOX, record);
        keep(AuditLogs.UNIFIED_LOG, RecordRouting.toUnifiedLog(record, organization), ChainScheme.ORGANIZATION, record);
    }

    private void keep(String store, boolean belongs, ChainScheme scheme, AuditRecord record) {
        Long upTo = storedRecords.get(store);
        if (belongs && upTo != null && made <= upTo) {
            expected.get(store)
                    .add(new Expected(
                            record.id(),
                            made,
                            scheme.chainOf(record),
                            record.creationTime(),
                            record.operation(),
                            record.mailboxOwnerUpn()));
        }
    }

    private void lost(PipelineEntry.Loss loss) {
        for (long ordinal = made + 1; ordinal <= loss.storedRecords(); ordinal++) {
            lost.add(ids.idOf(ordinal));
        }
        made = Math.max(made, loss.storedRecords());
    }
}
