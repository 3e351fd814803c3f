/**
 * {@code mt replay}: event files through the audit core, records out as AuditData JSON lines, with the
 * events' own time as the clock.
 */
package dev.mailtrail.app.replay;
