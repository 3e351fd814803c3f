package dev.mailtrail.format.auditdata;

import dev.mailtrail.core.record.AuditRecord;

public final class AuditDataWriter {
    public String toJson(AuditRecord record) {
        return "{\"CreationTime\":\"" + record.creationTime() + "\",\"Operation\":\"" + record.operation()
                + "\",\"OperationCount\":" + record.operationCount() + "}";
    }
}
