/**
 * The parallel half of reading an export: the contract that turns one unit into an AuditRecord or a reason it
 * cannot, and what the format families share (building an AuditData tree from columns, Exchange's type names).
 * Uses audit-core, audit-format's AuditData reader and Jackson.
 */
package dev.mailtrail.investigate.importer.decode;
