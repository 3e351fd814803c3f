/**
 * The mailbox audit log and the unified audit log: records appended in batches, hash-chained as they are stored,
 * searched by the Search-MailboxAuditLog and Search-UnifiedAuditLog parameters (always a time range, newest
 * first, streaming, no caps), counted inside the store, purged by retention with a verifiable trace. The
 * interfaces ({@link dev.mailtrail.store.log.AuditLogSearch}, {@link dev.mailtrail.store.log.AuditLogStore}) are
 * what an engine fills; {@link dev.mailtrail.store.log.LuceneAuditLog} is the embedded default (decision 0003).
 */
package dev.mailtrail.store.log;
