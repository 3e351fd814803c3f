package dev.mailtrail.investigate.importer.unified;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.decode.AuditDataText;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.ExportColumns;
import dev.mailtrail.investigate.importer.decode.Quoted;
import dev.mailtrail.investigate.importer.decode.RowShape;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.source.CsvHeader;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a CSV with an AuditData column: Purview's audit search export (both headers) and
 * {@code Search-UnifiedAuditLog | Export-Csv} (RecordType, CreationDate, UserIds, Operations, AuditData,
 * ResultIndex, ResultCount, Identity …). The record is the AuditData, read losslessly; every other column is kept
 * as written in the export columns. A {@code CreationDate} that is not a date refuses the row: it means the row is
 * not what its header says. Export-Csv writes it in the session's locale ({@code 13/03/2026 19:05:00} in en-GB);
 * any locale's date will do, as the AuditData's CreationTime, not this column, is the record's time.
 *
 * <p>Thread-safe.
 */
public final class PurviewCsvReader implements UnitDecoder {
    private static final String AUDIT_DATA = "AuditData";
    private static final String CREATION_DATE = "CreationDate";

    private final CsvHeader header;
    private final ExportDate dates;
    private final AuditDataText auditData = new AuditDataText();
    private final int auditDataColumn;
    private final int creationDateColumn;
    private final List<String> columnNames;

    public PurviewCsvReader(CsvHeader header, ExportDate dates) {
        this(header, dates, AUDIT_DATA, CREATION_DATE);
    }

    /**
     * For a CSV whose AuditData is in column {@code auditData} (Defender's {@code RawEventData}) and whose date
     * column to check is {@code creationDate}, or none when null.
     */
    public PurviewCsvReader(CsvHeader header, ExportDate dates, String auditData, String creationDate) {
        this.header = header;
        this.dates = dates;
        this.auditDataColumn = header.indexOf(auditData);
        this.creationDateColumn = creationDate == null ? -1 : header.indexOf(creationDate);
        if (auditDataColumn < 0) {
            throw new IllegalArgumentException("no " + auditData + " column in the header " + header);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != auditDataColumn) {
                names.add(header.name(i));
            }
        }
        this.columnNames = List.copyOf(names);
    }

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        List<String> fields = ((SourceUnit.CsvRow) unit).fields();
        RowShape.check(fields, header, auditDataColumn);
        if (creationDateColumn >= 0 && creationDateColumn < fields.size()) {
            String creationDate = fields.get(creationDateColumn);
            if (!creationDate.isBlank() && !dates.isDateInSomeLocale(creationDate)) {
                throw new UnitRejected(
                        header.name(creationDateColumn) + ": " + Quoted.of(creationDate) + " is not a date");
            }
        }
        AuditRecord record = auditData.read(fields.get(auditDataColumn));
        return new DecodedRecord(record, exportColumns(fields));
    }

    private ExportColumns exportColumns(List<String> fields) {
        String[] values = new String[columnNames.size()];
        int at = 0;
        for (int i = 0; i < header.size(); i++) {
            if (i != auditDataColumn) {
                values[at++] = i < fields.size() ? fields.get(i) : "";
            }
        }
        return new ExportColumns(columnNames, values);
    }
}
