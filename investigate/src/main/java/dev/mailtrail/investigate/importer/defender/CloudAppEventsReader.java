package dev.mailtrail.investigate.importer.defender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.investigate.importer.decode.AuditDataMember;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import dev.mailtrail.investigate.importer.unified.PurviewCsvReader;

/**
 * Rows of Defender XDR's advanced hunting table {@code CloudAppEvents}: the portal's CSV export, JSON rows (an
 * array or lines, as the hunting API or a saved query result gives them), and the streaming API's records
 * ({@code {"category":"AdvancedHunting-CloudAppEvents","properties":{…}}}, one per line). For Microsoft 365's own
 * apps the {@code RawEventData} column is the unified audit log's AuditData, which is the record; every other
 * column ({@code Timestamp}, {@code ActionType}, {@code AccountObjectId}, {@code IPAddress}, {@code ReportId} …) is
 * kept as written in the export columns. A row of another app (Google Workspace through an app connector) has no
 * AuditData in it and is rejected, saying so.
 *
 * <p>Thread-safe.
 */
public final class CloudAppEventsReader implements UnitDecoder {
    public static final String RAW_EVENT_DATA = "RawEventData";
    private static final String STREAMED_COLUMNS = "properties";

    private final PurviewCsvReader csv;
    private final AuditDataMember json = new AuditDataMember(RAW_EVENT_DATA, "CloudAppEvents row");

    /** For a CSV export with this header, or JSON when {@code header} is null. */
    public CloudAppEventsReader(CsvHeader header, ExportDate dates) {
        this.csv = header == null ? null : new PurviewCsvReader(header, dates, RAW_EVENT_DATA, null);
    }

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        if (unit instanceof SourceUnit.CsvRow && csv != null) {
            return csv.decode(unit);
        }
        ObjectNode row = json.object(unit);
        JsonNode streamed = row.get(STREAMED_COLUMNS);
        if (!row.has(RAW_EVENT_DATA) && streamed instanceof ObjectNode columns) {
            row = columns;
        }
        JsonNode auditData = row.get(RAW_EVENT_DATA);
        if (auditData != null && auditData.isObject() && !auditData.has("CreationTime")) {
            JsonNode application = row.get("Application");
            throw new UnitRejected(RAW_EVENT_DATA + ": no CreationTime, so no Microsoft 365 audit record"
                    + (application == null || !application.isTextual()
                            ? ""
                            : " (Application " + application.textValue() + ")"));
        }
        return json.decode(row);
    }
}
