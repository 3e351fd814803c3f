package dev.mailtrail.store.opensearch;

import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real OpenSearch node for every test class of this module's test JVM, started on first use. */
final class TestNode {
    private static SearchNode node;

    private TestNode() {}

    static synchronized URI url() {
        if (node == null) {
            try {
                Path dir = Files.createTempDirectory("opensearch-store-test");
                node = SearchNode.start(SearchEngine.OPENSEARCH, dir.resolve("node"), "512m");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        }
        return node.baseUrl();
    }
}
