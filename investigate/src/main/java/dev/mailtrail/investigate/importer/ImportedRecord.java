package dev.mailtrail.investigate.importer;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.decode.ExportColumns;
import dev.mailtrail.investigate.importer.identity.RecordIdentity;
import dev.mailtrail.investigate.importer.normalise.OriginalValues;
import java.util.Map;

/**
 * A record read from an export, ready for a case.
 *
 * @param record the normalised record; {@link #asExported()} gives it back with the export's own values
 * @param identity its content identity, by which duplicates are recognised
 * @param origin the file, line and format it came from
 * @param exportColumns the export's columns outside AuditData as written (CreationDate, ResultIndex, RecordId,
 *     Sentinel's workspace columns, or a column-shaped export's whole row); empty for JSON exports
 */
public record ImportedRecord(
        AuditRecord record, RecordIdentity identity, RecordOrigin origin, Map<String, String> exportColumns) {
    public ImportedRecord {
        exportColumns = ExportColumns.immutable(exportColumns);
    }

    /** The record with the values the export had before normalisation (a port on the IP, "False" as text …). */
    public AuditRecord asExported() {
        return OriginalValues.restore(record);
    }
}
