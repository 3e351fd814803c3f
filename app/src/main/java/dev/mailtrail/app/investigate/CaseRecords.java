package dev.mailtrail.app.investigate;

import dev.mailtrail.app.cluster.ClusterLogs;
import dev.mailtrail.app.cluster.ClusterPointer;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.app.files.PrivateFiles;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataException;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.RejectsFile;
import dev.mailtrail.investigate.importer.identity.KnownRecords;
import dev.mailtrail.investigate.mailboxes.IdentityLink;
import dev.mailtrail.investigate.mailboxes.MailboxDirectory;
import dev.mailtrail.investigate.mailboxes.MailboxDirectoryJson;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A case on disk: a directory holding {@code audit-log/}, a Lucene audit log like the audit stores' (decision
 * 0003) with one hash chain for the whole case, {@code known-records.bin}, the identities of what it holds (so
 * de-duplication spans separate imports), {@code rejects.jsonl}, the rejects of every import, and
 * {@code mailboxes.json}, which names are one mailbox's (learned from every record imported and every Get-Mailbox
 * export), so a later scope attributes a record that names its mailbox by GUID, SID or legacy DN.
 *
 * <p>For reading, a case can also be opened straight on MailTrail's own stores: a data directory (its mailbox and
 * unified audit logs; a record in both is read once) or one audit log directory.
 */
final class CaseRecords implements Closeable {
    static final String AUDIT_LOG = "audit-log";
    static final String KNOWN_RECORDS = "known-records.bin";
    static final String REJECTS = "rejects.jsonl";
    private static final int WARNINGS_SHOWN = 5;
    static final String MAILBOXES = "mailboxes.json";
    /** The audit logs of a MailTrail data directory, as the audit pipeline names them. */
    static final List<String> DATA_DIRECTORY_LOGS = List.of("mailbox-audit-log", "unified-audit-log");

    private static final Instant ALL_FROM = Instant.EPOCH;
    private static final Instant ALL_TO = Instant.parse("9999-12-31T00:00:00Z");
    private static final int BATCH = 8_192;

    private final Path directory;
    /** What an import stores into; null for a cluster's logs, which are only read. */
    private final LuceneAuditLog log;

    private final List<? extends AuditLogSearch> readable;
    private final KnownRecordsFile known;
    private final MailboxDirectory mailboxes;

    private CaseRecords(Path directory, List<? extends AuditLogSearch> logs, KnownRecordsFile known)
            throws IOException {
        this.directory = directory;
        this.log = logs.getFirst() instanceof LuceneAuditLog lucene ? lucene : null;
        this.readable = List.copyOf(logs);
        this.known = known;
        this.mailboxes = readMailboxes(directory.resolve(MAILBOXES));
    }

    private static MailboxDirectory readMailboxes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new MailboxDirectory();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new MailboxDirectoryJson().read(in);
        } catch (IOException damaged) {
            throw new IOException(file + ": " + damaged.getMessage(), damaged);
        }
    }

    /** Which names are one mailbox's, as the case's imports learned them. */
    MailboxDirectory mailboxes() {
        return mailboxes;
    }

    private void persistMailboxes() throws IOException {
        Path file = directory.resolve(MAILBOXES);
        Path written = directory.resolve(MAILBOXES + ".new");
        try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
            new MailboxDirectoryJson().write(mailboxes, out);
        }
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Opens a case to import into, creating it if missing. */
    static CaseRecords openForImport(Path directory) throws IOException {
        PrivateFiles.directory(directory);
        KnownRecordsFile known = new KnownRecordsFile(directory.resolve(KNOWN_RECORDS));
        LuceneAuditLog log = LuceneAuditLog.open(directory.resolve(AUDIT_LOG), ChainScheme.ORGANIZATION);
        return new CaseRecords(directory, List.of(log), known);
    }

    /**
     * Opens an existing case to read: a case directory, a MailTrail data directory (its mailbox and unified audit
     * logs), or one audit log directory.
     */
    static CaseRecords openForReading(Path directory) throws IOException {
        var cluster = ClusterPointer.read(directory);
        if (cluster.isPresent()) {
            return openCluster(directory, cluster.get());
        }
        List<Path> logs = new ArrayList<>();
        if (Files.isDirectory(directory.resolve(AUDIT_LOG))) {
            logs.add(directory.resolve(AUDIT_LOG));
        } else {
            for (String name : DATA_DIRECTORY_LOGS) {
                if (Files.isDirectory(directory.resolve(name))) {
                    logs.add(directory.resolve(name));
                }
            }
            if (logs.isEmpty() && isLuceneIndex(directory)) {
                logs.add(directory);
            }
        }
        if (logs.isEmpty()) {
            throw new NoSuchFileException(
                    directory.toString(),
                    null,
                    "not a case (no " + AUDIT_LOG + "/ in it: run mt import first), nor a MailTrail data directory");
        }
        List<LuceneAuditLog> opened = new ArrayList<>();
        try {
            for (Path path : logs) {
                opened.add(LuceneAuditLog.openForSearch(path));
            }
        } catch (IOException | RuntimeException failed) {
            for (LuceneAuditLog log : opened) {
                log.close();
            }
            throw failed;
        }
        return new CaseRecords(directory, opened, null);
    }

    /** The logs of the cluster a data directory points to (decision 0033). */
    private static CaseRecords openCluster(Path directory, ClusterSettings cluster) throws IOException {
        List<AuditLogSearch> opened = new ArrayList<>();
        try {
            for (String name : DATA_DIRECTORY_LOGS) {
                opened.add(ClusterLogs.open(cluster, name));
            }
        } catch (IOException | RuntimeException failed) {
            for (AuditLogSearch log : opened) {
                log.close();
            }
            throw failed;
        }
        return new CaseRecords(directory, opened, null);
    }

    private static boolean isLuceneIndex(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("segments_"));
        }
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
        return readable.getFirst().count(RecordQuery.between(ALL_FROM, ALL_TO));
    }

    /**
     * The records a scope of the mailbox needs, in no particular order: the mailbox's own records, every admin
     * cmdlet (configuration, rules, permissions, auditing switches), and what the given accounts did.
     */
    List<AuditRecord> recordsForScope(String mailbox, Set<String> accounts) throws IOException {
        RecordQuery all = RecordQuery.between(ALL_FROM, ALL_TO);
        List<AuditRecord> records = new ArrayList<>();
        AuditDataReader reader = new AuditDataReader();
        // Every name the case knows the mailbox by: its records may carry any of them.
        Set<String> names = new HashSet<>(mailboxes.identityOf(mailbox).values());
        names.add(mailbox);
        Set<String> users = new HashSet<>(accounts);
        users.addAll(names);
        List<RecordQuery> queries =
                List.of(all.withMailboxes(names), all.withRecordTypes(Set.of(1)), all.withUserIds(users));
        // A data directory keeps a mailbox's record in both of its logs, under the same Id: it is read once.
        Set<String> idsRead = new HashSet<>();
        for (AuditLogSearch source : readable) {
            // a cluster's sequence numbers are each writer's own; its Ids are unique
            Set<Object> seen = new HashSet<>();
            for (RecordQuery query : queries) {
                source.search(query, Long.MAX_VALUE, found -> {
                    boolean again = readable.size() > 1 && found.id() != null && !idsRead.add(found.id());
                    if (seen.add(found.id() != null ? found.id() : found.sequence()) && !again) {
                        records.add(read(reader, found));
                    }
                    return true;
                });
            }
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
        IOException failed = null;
        for (AuditLogSearch source : readable) {
            try {
                source.close();
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Stores what an import delivers; {@link #finish} commits the rest and persists the identities. */
    final class Sink implements RecordSink, Closeable {
        private final RejectsFile rejects;
        private final List<AuditRecord> batch = new ArrayList<>(BATCH);
        private final List<String> warnings = new ArrayList<>();
        private long withWarnings;
        private long stored;

        private Sink(RejectsFile rejects) {
            this.rejects = rejects;
        }

        @Override
        public void accept(ImportedRecord record) throws IOException {
            List<String> unread = record.warnings();
            if (!unread.isEmpty()) {
                withWarnings++;
                if (warnings.size() < WARNINGS_SHOWN) {
                    warnings.add(record.origin() + ": " + String.join("; ", unread));
                }
            }
            mailboxes.learn(record.record());
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

        /** How many records hold a value MailTrail could not read, which each keeps as the export wrote it. */
        long recordsWithWarnings() {
            return withWarnings;
        }

        /** The first few of them, each with its file, line and what was not read. */
        List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void link(IdentityLink link) {
            mailboxes.link(link);
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
            persistMailboxes();
        }

        @Override
        public void close() throws IOException {
            rejects.close();
        }
    }
}
