package dev.mailtrail.investigate.importer.decode;

import dev.mailtrail.core.record.AuditRecord;
import java.util.Map;

/**
 * A unit as a record, before normalisation.
 *
 * @param record the AuditData the unit holds or its columns describe
 * @param exportColumns the export's own columns outside AuditData ({@code CreationDate}, {@code ResultIndex},
 *     {@code RecordId}, Sentinel's {@code TenantId} …) as written, in the export's order; empty for JSON records
 */
public record DecodedRecord(AuditRecord record, Map<String, String> exportColumns) {
    public DecodedRecord {
        exportColumns = ExportColumns.immutable(exportColumns);
    }

    public DecodedRecord(AuditRecord record) {
        this(record, ExportColumns.none());
    }
}
