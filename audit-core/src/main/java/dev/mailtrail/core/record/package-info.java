/**
 * Audit records: Exchange's AuditData schema as typed values (records of types 1, 2, 3, 50 and any other a
 * Microsoft export holds, with fields MailTrail does not model kept as a plain JSON-like tree).
 */
package dev.mailtrail.core.record;
