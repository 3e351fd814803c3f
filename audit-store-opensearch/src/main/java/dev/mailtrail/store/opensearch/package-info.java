/**
 * The audit logs on an OpenSearch cluster (decisions 0032, 0033): {@link dev.mailtrail.store.opensearch.OpenSearchAuditLog}
 * is one of many writers of a log (one per journal partition), {@link dev.mailtrail.store.opensearch.OpenSearchLogView}
 * the whole log read only, {@link dev.mailtrail.store.opensearch.CoreStates} the cores' offsets and snapshots, {@link
 * dev.mailtrail.store.opensearch.MonthlyRetention} retention in whole month indexes. HTTP and Jackson only.
 */
package dev.mailtrail.store.opensearch;
