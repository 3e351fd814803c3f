/**
 * {@code mt import} and {@code mt scope}: audit exports into a case, and a case's scope out. A case is a directory
 * holding an audit log on the store engine of the audit stores (Lucene), the identities of the records it holds,
 * and the rejects of its imports. Wires the investigate module to audit-store.
 */
package dev.mailtrail.app.investigate;
