package dev.mailtrail.investigate.importer;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.UnreadMembers;
import dev.mailtrail.investigate.importer.decode.ExportColumns;
import dev.mailtrail.investigate.importer.identity.RecordIdentity;
import dev.mailtrail.investigate.importer.normalise.OriginalValues;
import dev.mailtrail.investigate.importer.normalise.UnnamedItems;
import java.util.List;
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

    /**
     * The members the export gave in a type MailTrail could not read ({@code
     * Folders[0].FolderItems[2].SizeInBytes: the text "12 KB" kept as written, not read}); kept in the record, but
     * an investigation relying on them should know.
     */
    public List<String> warnings() {
        return UnreadMembers.of(record);
    }

    /**
     * How many items this MailItemsAccessed record counts as read without naming them (PowerShell's
     * {@code FolderItems=System.Object[]}, a truncated export); 0 for a record that names all it counts.
     */
    public int unnamedItemCount() {
        return UnnamedItems.count(record);
    }
}
