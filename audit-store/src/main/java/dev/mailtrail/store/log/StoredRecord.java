package dev.mailtrail.store.log;

import dev.mailtrail.core.record.AuditRecord;

/** A record with its AuditData JSON, written once however many stores keep it. */
public record StoredRecord(AuditRecord record, String auditData) {}
