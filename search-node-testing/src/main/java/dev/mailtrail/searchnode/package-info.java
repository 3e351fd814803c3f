/**
 * Real search nodes (SolrCloud, OpenSearch) started as processes of their own from the launcher modules, for tests
 * and benches: {@link dev.mailtrail.searchnode.SearchNode}.
 */
package dev.mailtrail.searchnode;
