package dev.mailtrail.conformance;

import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one Kafka broker and the one OpenSearch node every clustered scenario of a test run shares: started on first
 * use (a broker and a node take seconds each, a scenario a fraction of that), stopped when the test JVM ends. Each
 * scenario keeps to a topic and indexes of its own.
 */
final class ClusterNodes {
    private static ClusterNodes shared;

    private final KafkaBroker broker;
    private final SearchNode search;

    private ClusterNodes(KafkaBroker broker, SearchNode search) {
        this.broker = broker;
        this.search = search;
    }

    static synchronized ClusterNodes shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static ClusterNodes start() {
        try {
            Path dir = Files.createTempDirectory("conformance-cluster");
            // each scenario's group is new: no need to wait for more members before the first assignment
            KafkaBroker broker =
                    KafkaBroker.start(dir.resolve("kafka"), Map.of("group.initial.rebalance.delay.ms", "0"));
            SearchNode search;
            try {
                search = SearchNode.start(SearchEngine.OPENSEARCH, dir.resolve("opensearch"), "512m");
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            ClusterNodes nodes = new ClusterNodes(broker, search);
            Runtime.getRuntime().addShutdownHook(new Thread(nodes::stop, "conformance cluster shutdown"));
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a directory for the conformance cluster", e);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    URI search() {
        return search.baseUrl();
    }

    private void stop() {
        search.close();
        broker.close();
    }
}
