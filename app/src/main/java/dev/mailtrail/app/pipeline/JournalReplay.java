package dev.mailtrail.app.pipeline;

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
     */
    public record Result(
            JournalVerifier.Report journal,
            Map<String, List<Expected>> expected,
            Set<String> lost,
            String unreadable) {}

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
        Path journal = dataDirectory.resolve(AuditPipeline.JOURNAL);
        RecordIds ids = RecordIds.existing(dataDirectory).orElse(null);
        if (ids == null) {
            return new Result(
                    JournalVerifier.verify(journal),
                    Map.of(),
                    Set.of(),
                    "the data directory has no " + RecordIds.FILE
                            + " file, so the Ids of its records cannot be made again");
        }
        return new JournalReplay(ids, storedRecords).run(journal);
    }

    private Result run(Path journal) throws IOException {
        JournalDrivenCore core = new JournalDrivenCore(ids, this::made, this::lost);
        AccessEventReader reader = new AccessEventReader();
        String[] unreadable = {null};
        JournalVerifier.Report report = JournalVerifier.verify(journal, entry -> {
            if (unreadable[0] != null) {
                return;
            }
            try {
                core.apply(PipelineEntry.decode(entry, reader, journal));
            } catch (UncheckedIOException e) {
                unreadable[0] = e.getCause().getMessage();
            }
        });
        return new Result(report, expected, lost, unreadable[0]);
    }

    private void made(AuditRecord record, OrganizationConfig organization) {
        made++;
        keep(AuditLogs.MAILBOX_LOG, AuditLogs.toMailboxLog(record), ChainScheme.PER_MAILBOX, record);
        keep(AuditLogs.UNIFIED_LOG, AuditLogs.toUnifiedLog(record, organization), ChainScheme.ORGANIZATION, record);
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
