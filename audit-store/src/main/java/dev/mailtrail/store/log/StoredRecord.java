package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import java.util.List;

/** A record with its AuditData JSON, written once however many stores keep it. */
public record StoredRecord(AuditRecord record, String auditData) {

    private static final AuditDataWriter AUDIT_DATA = new AuditDataWriter();

    /** {@code records}, each with its AuditData written now. */
    public static List<StoredRecord> of(List<AuditRecord> records) {
        return records.stream()
                .map(r -> new StoredRecord(r, AUDIT_DATA.toJson(r)))
                .toList();
    }
}
