/**
 * An OpenSearch node in a process of its own, started from Maven Central's OpenSearch jars ({@link
 * dev.mailtrail.searchnode.opensearch.OpenSearchNodeMain}); {@code dev.mailtrail.searchnode.SearchNode} in
 * search-node-testing starts and stops that process.
 */
package dev.mailtrail.searchnode.opensearch;
