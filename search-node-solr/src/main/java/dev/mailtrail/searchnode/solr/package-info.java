/**
 * A SolrCloud node in a process of its own, started from Maven Central's Solr jars ({@link
 * dev.mailtrail.searchnode.solr.SolrNodeMain}), and the harness that starts and stops that process ({@link
 * dev.mailtrail.searchnode.solr.SolrNode}).
 */
package dev.mailtrail.searchnode.solr;
