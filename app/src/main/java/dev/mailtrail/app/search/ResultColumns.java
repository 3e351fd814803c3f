package dev.mailtrail.app.search;

import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.store.log.FoundRecord;

/** The Search-UnifiedAuditLog result object's properties, in PowerShell's order, for Export-Csv and JSON. */
final class ResultColumns {
    static final String[] NAMES = {
        "RecordType",
        "CreationDate",
        "UserIds",
        "Operations",
        "AuditData",
        "ResultIndex",
        "ResultCount",
        "Identity",
        "IsValid",
        "ObjectState"
    };

    private ResultColumns() {}

    static String[] values(FoundRecord record, long resultIndex, long resultCount) {
        return new String[] {
            RecordType.name(record.recordType()),
            ExchangeDates.powerShell(record.creationTime()),
            UnifiedResultList.nullToEmpty(record.userId()),
            UnifiedResultList.nullToEmpty(record.operation()),
            record.auditData(),
            Long.toString(resultIndex),
            Long.toString(resultCount),
            UnifiedResultList.nullToEmpty(record.id()),
            "True",
            "Unchanged"
        };
    }
}
