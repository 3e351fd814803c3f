/**
 * Which imported records are the same record: a content identity that survives a change of export format, and
 * the set of identities a case already holds. Uses audit-core's record model and audit-format's AuditData writer.
 */
package dev.mailtrail.investigate.importer.identity;
