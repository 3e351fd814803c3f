/**
 * Microsoft Sentinel / Log Analytics {@code OfficeActivity} exports (CSV or JSON): Sentinel's renamed columns
 * turned back into AuditData. Uses the decode and normalise packages.
 */
package dev.mailtrail.investigate.importer.sentinel;
