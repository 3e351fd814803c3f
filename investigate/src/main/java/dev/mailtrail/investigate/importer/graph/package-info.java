/**
 * Microsoft Graph's audit log query API: its {@code auditLogRecord} objects, saved as the API's pages, as an
 * array (Microsoft-Extractor-Suite's {@code Get-UALGraph}) or one per line. Uses the decode package.
 */
package dev.mailtrail.investigate.importer.graph;
