package dev.mailtrail.investigate.realshapes;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.ImportedRecord;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RecordSink;
import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fixtures under {@code src/test/resources/real-shapes}: records with the members, nesting, order, types and
 * quirks of public real records (SOURCES.md names each one), imported as {@code mt import} reads them and scoped
 * as {@code mt scope} does.
 */
final class RealShapes {
    private static final AuditDataWriter WRITER = new AuditDataWriter();

    private RealShapes() {}

    static Path path(String fixture) {
        URL url = RealShapes.class.getResource("/real-shapes/" + fixture);
        if (url == null) {
            throw new IllegalArgumentException("no real-shapes fixture " + fixture);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** The fixtures imported together into one new case. */
    static Imported imported(String... fixtures) throws Exception {
        List<Path> paths = new ArrayList<>();
        for (String fixture : fixtures) {
            paths.add(path(fixture));
        }
        return importedFrom(paths);
    }

    static Imported importedFrom(List<Path> paths) throws Exception {
        Imported imported = new Imported(new ArrayList<>(), new ArrayList<>());
        ImportSummary summary = new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(paths, imported, ImportProgress.NONE);
        imported.summary = summary;
        return imported;
    }

    static AttackerHints ips(String... ips) {
        return new AttackerHints(Set.of(ips), Set.of(), Set.of());
    }

    /** What one import delivered: its records in order, its rejects and its summary. */
    static final class Imported implements RecordSink {
        final List<ImportedRecord> records;
        final List<Reject> rejects;
        ImportSummary summary;

        Imported(List<ImportedRecord> records, List<Reject> rejects) {
            this.records = records;
            this.rejects = rejects;
        }

        @Override
        public void accept(ImportedRecord record) {
            records.add(record);
        }

        @Override
        public void reject(Reject reject) {
            rejects.add(reject);
        }

        List<AuditRecord> auditRecords() {
            return records.stream().map(ImportedRecord::record).toList();
        }

        AuditRecord only() {
            if (records.size() != 1) {
                throw new AssertionError("expected one record, imported " + records.size() + ", rejected " + rejects);
            }
            return records.getFirst().record();
        }

        /** The imported record whose Id is {@code id}; fails when the import did not deliver it. */
        AuditRecord record(String id) {
            return records.stream()
                    .map(ImportedRecord::record)
                    .filter(record -> id.equals(record.id()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no record " + id + " imported; rejects: " + rejects));
        }

        /** The record as MailTrail writes its AuditData again: what it kept of the export. */
        String written(int index) {
            return WRITER.toJson(records.get(index).record());
        }

        String written(String id) {
            return WRITER.toJson(record(id));
        }

        Scope scope(String mailbox, AttackerHints attacker) {
            return new ScopeAnalysis().analyse(auditRecords(), new ScopeQuery(mailbox, null, null, attacker));
        }
    }
}
