/**
 * The AuditData JSON codec: {@code AuditRecord} to and from Microsoft's AuditData object (exchange-audit.md §6),
 * one compact object per JSON line. Uses audit-core's record model and Jackson (streaming to write, tree to read).
 */
package dev.mailtrail.format.auditdata;
