/**
 * Microsoft Defender XDR's advanced hunting exports whose rows carry the unified audit log's AuditData
 * ({@code CloudAppEvents.RawEventData}). Uses the decode and unified packages.
 */
package dev.mailtrail.investigate.importer.defender;
