package dev.mailtrail.searchnode;

/** The search engines a node can be started for, each with the launcher module that runs it. */
public enum SearchEngine {
    /** Apache Solr 9 in SolrCloud mode, with a ZooKeeper server in the node's process. */
    SOLR("dev.mailtrail.searchnode.solr.SolrNodeMain", "dev/mailtrail/searchnode/solr/node.classpath"),
    /** OpenSearch 3, a single-node cluster. */
    OPENSEARCH(
            "dev.mailtrail.searchnode.opensearch.OpenSearchNodeMain",
            "dev/mailtrail/searchnode/opensearch/node.classpath");

    private final String mainClass;
    private final String classpathResource;

    SearchEngine(String mainClass, String classpathResource) {
        this.mainClass = mainClass;
        this.classpathResource = classpathResource;
    }

    String mainClass() {
        return mainClass;
    }

    /** The launcher module's file listing the engine's jars, written by its build. */
    String classpathResource() {
        return classpathResource;
    }
}
