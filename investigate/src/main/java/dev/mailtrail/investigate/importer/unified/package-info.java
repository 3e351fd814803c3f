/**
 * Exports of the unified audit log that carry Microsoft's AuditData JSON: Purview's CSV, Search-UnifiedAuditLog
 * through Export-Csv or ConvertTo-Json, Management Activity API content blobs and JSON Lines. Uses the decode and normalise packages.
 */
package dev.mailtrail.investigate.importer.unified;
