/**
 * A SolrCloud node in a process of its own, started from Maven Central's Solr jars ({@link
 * dev.mailtrail.searchnode.solr.SolrNodeMain}); {@code dev.mailtrail.searchnode.SearchNode} in search-node-testing
 * starts and stops that process.
 */
package dev.mailtrail.searchnode.solr;
