package dev.mailtrail.app.pipeline;

/** What one retention pass purged: records from the mailbox audit log (per AuditLogAgeLimit) and the unified log. */
public record RetentionReport(long mailboxRecords, long mailboxes, long unifiedRecords) {}
