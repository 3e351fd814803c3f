package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.defender.CloudAppEventsReader;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.graph.GraphAuditRecordReader;
import dev.mailtrail.investigate.importer.mailbox.MailboxAuditLogCsvReader;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.sentinel.OfficeActivityReader;
import dev.mailtrail.investigate.importer.source.CountingInputStream;
import dev.mailtrail.investigate.importer.source.CsvUnitSource;
import dev.mailtrail.investigate.importer.source.JsonLinesSource;
import dev.mailtrail.investigate.importer.source.JsonValueSplitter;
import dev.mailtrail.investigate.importer.source.ODataPageSource;
import dev.mailtrail.investigate.importer.source.UnitSource;
import dev.mailtrail.investigate.importer.unified.ManagementActivityJsonReader;
import dev.mailtrail.investigate.importer.unified.PurviewCsvReader;
import dev.mailtrail.investigate.importer.unified.UnifiedAuditLogJsonReader;
import java.io.IOException;
import java.io.Reader;

/** The one place that knows every format: which source cuts a detected file and which decoder reads its units. */
final class ExportReaders {
    private ExportReaders() {}

    /** A file opened for reading: its units, their decoder, and the count of bytes read for progress. */
    record OpenedExport(UnitSource units, UnitDecoder decoder, CountingInputStream counter) {}

    static OpenedExport open(ExportFile file, ExportDate dates) throws IOException {
        ExportFile.OpenText open = file.open();
        try {
            return switch (file.format()) {
                case PURVIEW_AUDIT_CSV, UNIFIED_AUDIT_LOG_CSV -> {
                    CsvUnitSource rows = new CsvUnitSource(open.text());
                    yield new OpenedExport(rows, new PurviewCsvReader(rows.header(), dates), open.counter());
                }
                case MAILBOX_AUDIT_LOG_CSV -> {
                    CsvUnitSource rows = new CsvUnitSource(open.text());
                    yield new OpenedExport(rows, new MailboxAuditLogCsvReader(rows.header(), dates), open.counter());
                }
                case OFFICE_ACTIVITY_CSV -> {
                    CsvUnitSource rows = new CsvUnitSource(open.text());
                    yield new OpenedExport(rows, new OfficeActivityReader(rows.header(), dates), open.counter());
                }
                case CLOUD_APP_EVENTS_CSV -> {
                    CsvUnitSource rows = new CsvUnitSource(open.text());
                    yield new OpenedExport(rows, new CloudAppEventsReader(rows.header(), dates), open.counter());
                }
                case CLOUD_APP_EVENTS_JSON ->
                    new OpenedExport(json(file, open.text()), new CloudAppEventsReader(null, dates), open.counter());
                case MANAGEMENT_ACTIVITY_JSON, AUDIT_DATA_JSON_LINES ->
                    new OpenedExport(json(file, open.text()), new ManagementActivityJsonReader(), open.counter());
                case UNIFIED_AUDIT_LOG_JSON ->
                    new OpenedExport(json(file, open.text()), new UnifiedAuditLogJsonReader(), open.counter());
                case GRAPH_AUDIT_LOG_RECORDS ->
                    new OpenedExport(json(file, open.text()), new GraphAuditRecordReader(), open.counter());
                case OFFICE_ACTIVITY_JSON ->
                    new OpenedExport(json(file, open.text()), new OfficeActivityReader(null, dates), open.counter());
                case MAILBOX_LIST_CSV ->
                    throw new IllegalArgumentException(file.path() + " is a mailbox list: it holds no records");
            };
        } catch (IOException | RuntimeException failed) {
            open.text().close();
            throw failed;
        }
    }

    private static UnitSource json(ExportFile file, Reader text) {
        return switch (file.layout()) {
            case JSON_LINES -> new JsonLinesSource(text);
            case ODATA_PAGES -> new ODataPageSource(text);
            case JSON_VALUES, CSV -> new JsonValueSplitter(text);
        };
    }
}
