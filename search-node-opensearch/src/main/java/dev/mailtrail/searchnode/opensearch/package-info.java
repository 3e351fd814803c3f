/**
 * An OpenSearch node in a process of its own, started from Maven Central's OpenSearch jars ({@link
 * dev.mailtrail.searchnode.opensearch.OpenSearchNodeMain}), and the harness that starts and stops that process ({@link
 * dev.mailtrail.searchnode.opensearch.OpenSearchNode}).
 */
package dev.mailtrail.searchnode.opensearch;
