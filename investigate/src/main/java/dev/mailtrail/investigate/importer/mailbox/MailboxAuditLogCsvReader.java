package dev.mailtrail.investigate.importer.mailbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mailtrail.investigate.importer.decode.AuditDataText;
import dev.mailtrail.investigate.importer.decode.AuditDataTree;
import dev.mailtrail.investigate.importer.decode.ColumnValues;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.ExchangeTypeNames;
import dev.mailtrail.investigate.importer.decode.Quoted;
import dev.mailtrail.investigate.importer.decode.RowShape;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.normalise.BooleanText;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.normalise.LogonTypeName;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Rows of {@code Search-MailboxAuditLog -ShowDetails | Export-Csv} (exchange-audit.md §8) as AuditData:
 * {@code LastAccessed} is CreationTime, {@code OperationResult} ResultStatus, the LogonType name its number,
 * {@code OperationProperties} {@code Name:Value} text the pairs, {@code AuditOperationsCountInAggregatedRecord}
 * OperationCount, {@code AggregatedRecordFoldersData} (or, for a Sync record, the folder columns) Folders, the
 * Item* and Folder* columns Item, Folder and DestFolder. The record type follows the operation, the Workload is
 * Exchange, and an Owner record's UserId is its mailbox's owner, as Exchange writes them. Every other column
 * with a value is kept under its own name; PowerShell's own columns stay in the export columns only.
 *
 * <p>Thread-safe.
 */
public final class MailboxAuditLogCsvReader implements UnitDecoder {
    private static final Set<String> POWERSHELL_COLUMNS =
            Set.of("RunspaceId", "PSComputerName", "PSShowComputerName", "Identity", "IsValid", "ObjectState");
    private static final String[] SAME_NAME_TEXT = {
        "MailboxGuid",
        "MailboxOwnerUPN",
        "MailboxOwnerSid",
        "LogonUserSid",
        "LogonUserDisplayName",
        "ClientInfoString",
        "ClientIPAddress",
        "ClientIP",
        "ClientProcessName",
        "ClientVersion",
        "SessionId",
        "AppId",
        "ClientAppId",
        "OriginatingServer"
    };
    private static final int OWNER = 0;
    private static final int ITEM_GROUP = 3;
    private static final int AGGREGATED = 50;

    private final CsvHeader header;
    private final ExportDate dates;
    private final AuditDataText auditData = new AuditDataText();

    public MailboxAuditLogCsvReader(CsvHeader header, ExportDate dates) {
        this.header = header;
        this.dates = dates;
    }

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        List<String> fields = ((SourceUnit.CsvRow) unit).fields();
        RowShape.check(fields, header);
        ColumnValues row = ColumnValues.ofCsv(header, fields);
        AuditDataTree tree = new AuditDataTree();
        tree.creationTime(lastAccessed(row.takeText("LastAccessed")));
        String operation = row.takeText("Operation");
        if (operation == null) {
            throw new UnitRejected("Operation: empty");
        }
        int recordType = ExchangeTypeNames.inferRecordType(operation);
        tree.text("Operation", operation).integer("RecordType", recordType).text("Workload", "Exchange");
        tree.text("ResultStatus", row.takeText("OperationResult"));
        Integer logonType = logonTypes(row, tree);
        booleans(row, tree);
        for (String name : SAME_NAME_TEXT) {
            tree.text(name, row.takeText(name));
        }
        if (logonType != null && logonType == OWNER) {
            tree.text("UserId", tree.textOf("MailboxOwnerUPN"));
        }
        operationProperties(row, tree);
        counted(row, tree);
        ItemColumns.place(row, tree, recordType == ITEM_GROUP, recordType == AGGREGATED);
        for (ColumnValues.Column rest : row.remaining()) {
            if (!POWERSHELL_COLUMNS.contains(rest.name())) {
                tree.node(rest.name(), rest.value());
            }
        }
        return new DecodedRecord(auditData.read(tree.tree()), row.asExported());
    }

    private Instant lastAccessed(String text) throws UnitRejected {
        if (text == null) {
            throw new UnitRejected("LastAccessed: empty");
        }
        Instant time = dates.parse(text);
        if (time == null) {
            throw new UnitRejected("LastAccessed: " + Quoted.of(text) + " is not a date");
        }
        return time;
    }

    /** Sets LogonType and InternalLogonType; the LogonType number, or null when the row has none. */
    private static Integer logonTypes(ColumnValues row, AuditDataTree tree) {
        Integer logonType = logonType(row, tree, "LogonType");
        logonType(row, tree, "InternalLogonType");
        return logonType;
    }

    private static Integer logonType(ColumnValues row, AuditDataTree tree, String name) {
        String text = row.takeText(name);
        Integer number = LogonTypeName.parse(text);
        if (number != null) {
            tree.integer(name, number);
        } else {
            tree.text(name, text);
        }
        return number;
    }

    private static void booleans(ColumnValues row, AuditDataTree tree) {
        for (String name : new String[] {"ExternalAccess", "CrossMailboxOperation"}) {
            String text = row.takeText(name);
            Boolean value = BooleanText.parse(text);
            if (value != null) {
                tree.bool(name, value);
            } else {
                tree.text(name, text);
            }
        }
    }

    private static void operationProperties(ColumnValues row, AuditDataTree tree) {
        String text = row.takeText("OperationProperties");
        if (text == null) {
            return;
        }
        ArrayNode pairs = OperationPropertiesText.parse(text);
        if (pairs != null) {
            tree.node("OperationProperties", pairs);
        } else {
            tree.text("OperationProperties", text);
        }
    }

    private static void counted(ColumnValues row, AuditDataTree tree) {
        String count = row.takeText("AuditOperationsCountInAggregatedRecord");
        if (count != null && count.strip().matches("\\d{1,9}")) {
            tree.integer("OperationCount", Integer.valueOf(count.strip()));
        } else {
            tree.text("AuditOperationsCountInAggregatedRecord", count);
        }
    }
}
