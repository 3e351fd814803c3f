/**
 * Search results in the shapes administrators and tools expect: PowerShell's list view of Search-UnifiedAuditLog
 * and Search-MailboxAuditLog objects, {@code ConvertTo-Json}, {@code Export-Csv}, AuditData JSON lines and the
 * Purview audit export CSV. Every writer streams: one record in, one record out.
 */
package dev.mailtrail.app.search;
