/**
 * The audit log on an OpenSearch cluster (decision 0032): {@link dev.mailtrail.store.opensearch.OpenSearchAuditLog}
 * implements the same store interface as the embedded Lucene log, over OpenSearch's HTTP API.
 */
package dev.mailtrail.store.opensearch;
