/**
 * Wire shapes around the audit core: access-event JSON lines (the sensor contract) and AuditData JSON.
 * Depends on audit-core and Jackson; no I/O beyond the streams callers hand in.
 */
package dev.mailtrail.format;
