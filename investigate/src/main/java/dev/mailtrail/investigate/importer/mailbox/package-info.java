/**
 * The mailbox audit log as {@code Search-MailboxAuditLog -ShowDetails | Export-Csv} writes it: one row per
 * record in the cmdlet's own shape, turned into AuditData. Uses the decode and normalise packages.
 */
package dev.mailtrail.investigate.importer.mailbox;
