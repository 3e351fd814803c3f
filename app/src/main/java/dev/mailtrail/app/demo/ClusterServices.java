package dev.mailtrail.app.demo;

import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Kafka broker (KRaft, one node that is its own controller) and the OpenSearch node {@code mt demo --cluster}
 * runs on, each a process of its own with a 512 MB heap on free loopback ports, keeping its data under the demo's
 * data directory ({@code kafka/}, {@code search/}) so that a later demo finds the records again.
 */
final class ClusterServices implements AutoCloseable {
    static final String HEAP = "512m";

    private final KafkaBroker broker;
    private final SearchNode search;

    private ClusterServices(KafkaBroker broker, SearchNode search) {
        this.broker = broker;
        this.search = search;
    }

    /** Starts both at once (OpenSearch takes the longer), or neither. */
    static ClusterServices start(Path data) throws DemoStartException {
        CompletableFuture<SearchNode> node = CompletableFuture.supplyAsync(
                () -> SearchNode.start(SearchEngine.OPENSEARCH, data.resolve("search"), HEAP));
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(data.resolve("kafka"));
        } catch (RuntimeException e) {
            node.thenAccept(SearchNode::close);
            throw new DemoStartException("the Kafka broker: " + e.getMessage(), e);
        }
        try {
            return new ClusterServices(broker, node.join());
        } catch (CompletionException e) {
            broker.close();
            throw new DemoStartException("the OpenSearch node: " + e.getCause().getMessage(), e.getCause());
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    URI search() {
        return search.baseUrl();
    }

    /** Stops the node, then the broker, each cleanly (their data stays). */
    @Override
    public void close() {
        try {
            search.close();
        } finally {
            broker.close();
        }
    }
}
