/**
 * Scope analysis, Microsoft's investigation procedure (exchange-audit.md §9) as code: given a case's records, a
 * mailbox, a window and the attacker's IPs, sessions or accounts, which messages were read, which folders were
 * taken whole, where the record is blind, and what else the attacker did. Pure: no I/O; uses audit-core's
 * records and the importer's address normalisation.
 */
package dev.mailtrail.investigate.scope;
