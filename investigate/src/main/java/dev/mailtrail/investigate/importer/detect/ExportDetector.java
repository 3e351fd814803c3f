package dev.mailtrail.investigate.importer.detect;

import dev.mailtrail.investigate.importer.detect.ExportFile.Layout;
import dev.mailtrail.investigate.importer.directory.GetMailboxCsv;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.CsvUnitSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Tells which export a file holds from its first {@value #PREFIX_BYTES} bytes (uncompressed): gzip magic, byte
 * order mark, then JSON ({@code [} or <code>{</code>, and the first record's member names) or CSV (an optional
 * {@code #TYPE} line and the header's column names). File names are never consulted: exports get renamed.
 *
 * <p>Thread-safe and stateless.
 */
public final class ExportDetector {
    static final int PREFIX_BYTES = 64 * 1024;
    private static final int GZIP_MAGIC_1 = 0x1F;
    private static final int GZIP_MAGIC_2 = 0x8B;
    private static final String AUDIT_DATA = "AuditData";
    private static final String GRAPH_AUDIT_DATA = "auditData";
    private static final String RAW_EVENT_DATA = "RawEventData";
    private static final String CLOUD_APP_EVENTS_STREAM = "AdvancedHunting-CloudAppEvents";
    private static final List<String> EXPORT_CSV_COLUMNS = List.of("ResultIndex", "ResultCount", "RunspaceId");
    /** The columns a saved OfficeActivity query may keep its time in; any one is enough. */
    public static final List<String> OFFICE_ACTIVITY_TIMES =
            List.of("CreationTime", "TimeGenerated", "Start_Time", "StartTime", "Timestamp");

    private static final List<String> OFFICE_ACTIVITY_CSV_NAMES = List.of(
            "TimeGenerated",
            "Start_Time",
            "OfficeWorkload",
            "OfficeId",
            "OfficeObjectId",
            "OfficeTenantId",
            "Client_IPAddress",
            "Logon_Type",
            "SourceSystem",
            "TenantId");
    private static final List<String> OFFICE_ACTIVITY_NAMES = OFFICE_ACTIVITY_CSV_NAMES;

    public ExportFile detect(Path file) throws IOException, UnrecognisedExportException {
        long size = Files.size(file);
        boolean gzip = isGzip(file);
        byte[] prefix = new byte[PREFIX_BYTES];
        int length;
        try (InputStream in = open(file, gzip)) {
            length = in.readNBytes(prefix, 0, PREFIX_BYTES);
        }
        TextEncoding encoding = TextEncoding.sniff(prefix, length);
        String text = new String(prefix, encoding.bomLength(), length - encoding.bomLength(), encoding.charset());
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new UnrecognisedExportException(file, length == 0 ? "the file is empty" : "only blank text");
        }
        char first = start.charAt(0);
        if (first == '[' || first == '{') {
            return json(file, start, new Encoded(encoding, gzip, size));
        }
        return csv(file, text, new Encoded(encoding, gzip, size));
    }

    private record Encoded(TextEncoding encoding, boolean gzip, long size) {}

    private static ExportFile json(Path file, String text, Encoded encoded) throws UnrecognisedExportException {
        JsonFirstRecord first = JsonFirstRecord.of(text);
        boolean array = text.charAt(0) == '[';
        Layout layout = !array && JsonFirstRecord.firstLineIsObject(text) ? Layout.JSON_LINES : Layout.JSON_VALUES;
        ExportFormat format;
        if (first.page() != null) {
            return page(file, first, encoded);
        }
        if (first.emptyArray()) {
            format = ExportFormat.MANAGEMENT_ACTIVITY_JSON;
        } else if (first.names().contains(RAW_EVENT_DATA) || CLOUD_APP_EVENTS_STREAM.equals(first.category())) {
            format = ExportFormat.CLOUD_APP_EVENTS_JSON;
        } else if (first.officeActivityType() || containsAny(first.names(), OFFICE_ACTIVITY_NAMES)) {
            format = ExportFormat.OFFICE_ACTIVITY_JSON;
        } else if (isGraphRecord(first.names())) {
            format = ExportFormat.GRAPH_AUDIT_LOG_RECORDS;
        } else if (first.names().contains(AUDIT_DATA)) {
            format = ExportFormat.UNIFIED_AUDIT_LOG_JSON;
        } else if (first.names().contains("CreationTime")
                || first.names().containsAll(Set.of("RecordType", "Operation"))) {
            format = array ? ExportFormat.MANAGEMENT_ACTIVITY_JSON : ExportFormat.AUDIT_DATA_JSON_LINES;
        } else {
            throw new UnrecognisedExportException(
                    file,
                    first.names().isEmpty()
                            ? "JSON whose first value is not an object"
                            : "JSON whose first record has the members " + first.names());
        }
        return new ExportFile(file, format, layout, encoded.encoding(), encoded.gzip(), encoded.size());
    }

    /**
     * An OData page whose first record is Graph's audit log record, or a hunting response whose first row has
     * RawEventData; a page without records says nothing.
     */
    private static ExportFile page(Path file, JsonFirstRecord first, Encoded encoded)
            throws UnrecognisedExportException {
        ExportFormat format;
        if (isGraphRecord(first.page())) {
            format = ExportFormat.GRAPH_AUDIT_LOG_RECORDS;
        } else if (first.page().contains(RAW_EVENT_DATA)) {
            format = ExportFormat.CLOUD_APP_EVENTS_JSON;
        } else {
            throw new UnrecognisedExportException(
                    file,
                    first.page().isEmpty()
                            ? "JSON whose first record has the members " + first.names()
                            : "an OData page whose records have the members " + first.page());
        }
        return new ExportFile(file, format, Layout.ODATA_PAGES, encoded.encoding(), encoded.gzip(), encoded.size());
    }

    /** Graph's {@code auditLogRecord}: its own camelCase members around the AuditData. */
    private static boolean isGraphRecord(Set<String> names) {
        return names.contains("auditLogRecordType")
                || (names.contains(GRAPH_AUDIT_DATA) && names.contains("createdDateTime"));
    }

    private static ExportFile csv(Path file, String text, Encoded encoded)
            throws IOException, UnrecognisedExportException {
        CsvHeader header;
        try (CsvUnitSource rows = new CsvUnitSource(new StringReader(text))) {
            header = rows.header();
        }
        ExportFormat format = csvFormat(header);
        if (format == null) {
            throw new UnrecognisedExportException(file, LossyCsv.describe(header));
        }
        return new ExportFile(file, format, Layout.CSV, encoded.encoding(), encoded.gzip(), encoded.size());
    }

    private static ExportFormat csvFormat(CsvHeader header) {
        if (header.has(AUDIT_DATA)) {
            boolean exportCsv = header.typeLine() || EXPORT_CSV_COLUMNS.stream().anyMatch(header::has);
            return exportCsv ? ExportFormat.UNIFIED_AUDIT_LOG_CSV : ExportFormat.PURVIEW_AUDIT_CSV;
        }
        if (header.has(RAW_EVENT_DATA)) {
            return ExportFormat.CLOUD_APP_EVENTS_CSV;
        }
        if (header.has("LastAccessed")
                && header.has("Operation")
                && (header.has("MailboxOwnerUPN") || header.has("MailboxGuid") || header.has("OperationResult"))) {
            return ExportFormat.MAILBOX_AUDIT_LOG_CSV;
        }
        if (isOfficeActivity(header)) {
            return ExportFormat.OFFICE_ACTIVITY_CSV;
        }
        if (GetMailboxCsv.isMailboxList(header)) {
            return ExportFormat.MAILBOX_LIST_CSV;
        }
        return null;
    }

    /**
     * Sentinel's OfficeActivity with any subset of columns that still holds the record and a time: Operation, a
     * time column, and a column only Log Analytics writes (TimeGenerated, Start_Time, OfficeWorkload, …). AuditData
     * flattened into columns (CreationTime, Operation, RecordType, no such column) is not one: it lost its items.
     */
    private static boolean isOfficeActivity(CsvHeader header) {
        return header.has("Operation")
                && OFFICE_ACTIVITY_TIMES.stream().anyMatch(header::has)
                && OFFICE_ACTIVITY_CSV_NAMES.stream().anyMatch(header::has);
    }

    private static boolean containsAny(Set<String> names, List<String> wanted) {
        return wanted.stream().anyMatch(names::contains);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        }
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        return gzip ? new GZIPInputStream(in) : in;
    }
}
