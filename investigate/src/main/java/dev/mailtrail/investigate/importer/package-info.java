/**
 * Importing Microsoft 365 audit exports into a case: detecting each file's format, reading it in parallel,
 * normalising and de-duplicating its records and handing them, with their origin, to a {@link
 * dev.mailtrail.investigate.importer.RecordSink}; unreadable rows become {@link
 * dev.mailtrail.investigate.importer.Reject}s. The sub-packages hold the formats; this one the driver and its API.
 */
package dev.mailtrail.investigate.importer;
