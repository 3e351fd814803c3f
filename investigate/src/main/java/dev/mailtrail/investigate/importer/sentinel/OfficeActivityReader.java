package dev.mailtrail.investigate.importer.sentinel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.investigate.importer.decode.AuditDataText;
import dev.mailtrail.investigate.importer.decode.AuditDataTree;
import dev.mailtrail.investigate.importer.decode.ColumnValues;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.ExchangeTypeNames;
import dev.mailtrail.investigate.importer.decode.Quoted;
import dev.mailtrail.investigate.importer.decode.RowShape;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.detect.ExportDetector;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.time.Instant;

/**
 * Rows of Sentinel's {@code OfficeActivity} table, exported as CSV (the portal's, with {@code TimeGenerated [UTC]})
 * or JSON (an array or lines of objects), as AuditData: Sentinel's renamed columns get Exchange's names back
 * ({@code Client_IPAddress} → {@code ClientIPAddress}, {@code OfficeId} → {@code Id} …), the structured fields
 * stored as JSON text ({@code Parameters}, {@code OperationProperties}, {@code Folders} …) are parsed, record and
 * user type names become numbers. {@code TimeGenerated} is the CreationTime when the export has no CreationTime
 * (OfficeActivity sets it from the record's). Without a RecordType column (a projection such as msticpy's demo
 * data) the type follows the operation. Log Analytics' own columns stay in the export columns only.
 *
 * <p>Thread-safe.
 */
public final class OfficeActivityReader implements UnitDecoder {
    private static final JsonMapper JSON = new JsonMapper();

    private final CsvHeader header;
    private final ExportDate dates;
    private final AuditDataText auditData = new AuditDataText();

    /** For a CSV export with this header, or a JSON export when {@code header} is null. */
    public OfficeActivityReader(CsvHeader header, ExportDate dates) {
        this.header = header;
        this.dates = dates;
    }

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        ColumnValues row =
                switch (unit) {
                    case SourceUnit.CsvRow csv -> {
                        RowShape.check(csv.fields(), header);
                        yield ColumnValues.ofCsv(header, csv.fields());
                    }
                    case SourceUnit.JsonText json -> ColumnValues.ofJson(object(json.text()));
                    case SourceUnit.Unreadable unreadable -> throw new UnitRejected(unreadable.reason());
                };
        AuditDataTree tree = new AuditDataTree();
        tree.creationTime(creationTime(row));
        String operation = row.peekText("Operation");
        tree.integer("RecordType", recordType(row, operation));
        String userType = row.takeText("UserType");
        Integer userTypeNumber = ExchangeTypeNames.userType(userType);
        if (userTypeNumber != null) {
            tree.integer("UserType", userTypeNumber);
        } else {
            tree.text("UserType", userType);
        }
        for (ColumnValues.Column column : row.remaining()) {
            if (!OfficeActivityColumns.WORKSPACE.contains(column.name())) {
                place(tree, OfficeActivityColumns.auditDataName(column.name()), column.value());
            }
        }
        return new DecodedRecord(auditData.read(tree.tree()), row.asExported());
    }

    /**
     * The record's time from the first time column the export kept: saved queries drop TimeGenerated and keep
     * CreationTime or Start_Time. The others stay as the export wrote them.
     */
    private Instant creationTime(ColumnValues row) throws UnitRejected {
        String name = null;
        for (String column : ExportDetector.OFFICE_ACTIVITY_TIMES) {
            if (row.peekText(column) != null) {
                name = column;
                break;
            }
        }
        if (name == null) {
            throw new UnitRejected("no time: " + String.join(", ", ExportDetector.OFFICE_ACTIVITY_TIMES) + " empty");
        }
        String text = row.takeText(name);
        Instant time = dates.parse(text);
        if (time == null) {
            throw new UnitRejected(name + ": " + Quoted.of(text) + " is not a date");
        }
        return time;
    }

    private static int recordType(ColumnValues row, String operation) throws UnitRejected {
        String text = row.takeText("RecordType");
        if (text == null) {
            return ExchangeTypeNames.inferRecordType(operation);
        }
        Integer number = ExchangeTypeNames.recordType(text);
        if (number == null) {
            throw new UnitRejected("RecordType: " + Quoted.of(text) + " is not a record type MailTrail knows");
        }
        return number;
    }

    private static void place(AuditDataTree tree, String name, JsonNode value) throws UnitRejected {
        if (OfficeActivityColumns.JSON_FIELDS.contains(name) && value.isTextual()) {
            tree.json(name, value.textValue());
        } else {
            tree.node(name, value);
        }
    }

    private static ObjectNode object(String text) throws UnitRejected {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException notJson) {
            throw new UnitRejected("OfficeActivity: not JSON: " + AuditDataText.tidy(notJson.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UnitRejected("OfficeActivity: expected a JSON object, found " + node.getNodeType());
        }
        return object;
    }
}
