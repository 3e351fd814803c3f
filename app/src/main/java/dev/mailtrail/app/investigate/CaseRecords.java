package dev.mailtrail.app.investigate;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataException;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.RejectsFile;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A case on disk: a directory holding {@code audit-log/}, a Lucene audit log like the audit stores' (decision
 * 0003) with one hash chain for the whole case, {@code known-records.bin}, the identities of what it holds (so
 * de-duplication spans separate imports), and {@code rejects.jsonl}, the rejects of every import.
 */
final class CaseRecords implements Closeable {
    static final String AUDIT_LOG = "audit-log";
    static final String KNOWN_RECORDS = "known-records.bin";
    static final String REJECTS = "rejects.jsonl";
    private static final Instant ALL_FROM = Instant.EPOCH;
    private static final Instant ALL_TO = Instant.parse("9999-12-31T00:00:00Z");
    private static final int BATCH = 8_192;

    private final Path directory;
    private final LuceneAuditLog log;
    private final KnownRecordsFile known;

    private CaseRecords(Path directory, LuceneAuditLog log, KnownRecordsFile known) {
        this.directory = directory;
        this.log = log;
        this.known = known;
    }

    /** Opens a case to import into, creating it if missing. */
    static CaseRecords openForImport(Path directory) throws IOException {
        Files.createDirectories(directory);
        KnownRecordsFile known = new KnownRecordsFile(directory.resolve(KNOWN_RECORDS));
        return new CaseRecords(
                directory, LuceneAuditLog.open(directory.resolve(AUDIT_LOG), ChainScheme.ORGANIZATION), known);
    }

    /** Opens an existing case to read. */
    static CaseRecords openForReading(Path directory) throws IOException {
        Path log = directory.resolve(AUDIT_LOG);
        if (!Files.isDirectory(log)) {
            throw new NoSuchFileException(
                    directory.toString(), null, "not a case (no " + AUDIT_LOG + "/ in it: run mt import first)");
        }
        return new CaseRecords(directory, LuceneAuditLog.openForSearch(log), null);
    }

    KnownRecords knownRecords() {
        return known;
    }

    Path rejectsFile() {
        return directory.resolve(REJECTS);
    }

    /** A sink that stores records in batches and writes rejects to the case's rejects file. */
    Sink sink() throws IOException {
        return new Sink(new RejectsFile(rejectsFile()));
    }

    long size() throws IOException {
        return log.count(RecordQuery.between(ALL_FROM, ALL_TO));
    }

    /**
     * The records a scope of the mailbox needs, in no particular order: the mailbox's own records, every admin
     * cmdlet (configuration, rules, permissions, auditing switches), and what the given accounts did.
     */
    List<AuditRecord> recordsForScope(String mailbox, Set<String> accounts) throws IOException {
        RecordQuery all = RecordQuery.between(ALL_FROM, ALL_TO);
        Set<Long> seen = new HashSet<>();
        List<AuditRecord> records = new ArrayList<>();
        AuditDataReader reader = new AuditDataReader();
        Set<String> users = new HashSet<>(accounts);
        users.add(mailbox);
        for (RecordQuery query :
                List.of(all.withMailboxes(Set.of(mailbox)), all.withRecordTypes(Set.of(1)), all.withUserIds(users))) {
            log.search(query, Long.MAX_VALUE, found -> {
                if (seen.add(found.sequence())) {
                    records.add(read(reader, found));
                }
                return true;
            });
        }
        return records;
    }

    private AuditRecord read(AuditDataReader reader, FoundRecord found) {
        try {
            return reader.read(found.auditData());
        } catch (AuditDataException unreadable) {
            // The case wrote it with the same codec: a record it cannot read back is damage, not input.
            throw new UncheckedIOException(new IOException(
                    directory + ": stored record " + found.id() + " cannot be read: " + unreadable.getMessage(),
                    unreadable));
        }
    }

    @Override
    public void close() throws IOException {
        log.close();
    }

    /** Stores what an import delivers; {@link #finish} commits the rest and persists the identities. */
    final class Sink implements RecordSink, Closeable {
        private final RejectsFile rejects;
        private final List<AuditRecord> batch = new ArrayList<>(BATCH);
        private long stored;

        private Sink(RejectsFile rejects) {
            this.rejects = rejects;
        }

        @Override
        public void accept(ImportedRecord record) throws IOException {
            batch.add(record.record());
            stored++;
            if (batch.size() == BATCH) {
                log.append(batch);
                batch.clear();
            }
        }

        @Override
        public void reject(Reject reject) throws IOException {
            rejects.write(reject);
        }

        /** Commits every record delivered, then the identities that stand for them. */
        void finish() throws IOException {
            if (!batch.isEmpty()) {
                log.append(batch);
                batch.clear();
            }
            rejects.flush();
            // A case has no event journal: the checkpoint only counts the records it holds.
            log.commit(new Checkpoint(0, log.checkpoint().records() + stored));
            stored = 0;
            known.persist();
        }

        @Override
        public void close() throws IOException {
            rejects.close();
        }
    }
}
