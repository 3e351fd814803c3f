package dev.mailtrail.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka cluster in KRaft mode: {@code n} nodes, each broker and controller at once, each a {@link
 * KafkaBroker} process of its own with its own directory ({@code node-1} … under the cluster's) and its own free
 * loopback ports; together one controller quorum of {@code n} voters.
 *
 * <p>The quorum is static ({@code controller.quorum.voters} naming every node's controller port): the ports are
 * picked before any node starts, so every configuration can list them all, and each node's storage is formatted
 * with the same cluster id and nothing more. A dynamic quorum ({@code --initial-controllers}) would need each
 * node's directory id agreed before formatting, for the sake of adding and removing controllers later — which a
 * test cluster never does.
 */
public final class KafkaCluster implements AutoCloseable {
    /** The heap of each node: three share the machine with the tests. */
    private static final String NODE_HEAP = "384m";

    private final List<KafkaBroker> nodes;
    private final Duration startup;

    private KafkaCluster(List<KafkaBroker> nodes, Duration startup) {
        this.nodes = List.copyOf(nodes);
        this.startup = startup;
    }

    /** Starts {@code n} nodes in {@code dir} (created if needed) and waits until every one serves clients. */
    public static KafkaCluster start(int n, Path dir) {
        return start(n, dir, Map.of());
    }

    /** Starts {@code n} nodes whose {@code server.properties} end with {@code overrides}. */
    public static KafkaCluster start(int n, Path dir, Map<String, String> overrides) {
        if (n < 1) {
            throw new IllegalArgumentException("a Kafka cluster needs at least one node; got " + n);
        }
        long started = System.nanoTime();
        int[] ports = new int[n];
        int[] controllerPorts = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                ports[i] = KafkaBroker.freePort();
                controllerPorts[i] = KafkaBroker.freePort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < n; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts[i]);
        }
        String clusterId = KafkaBroker.clusterId();
        Map<String, String> settings = new LinkedHashMap<>(internalTopics(n));
        settings.putAll(overrides);
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(KafkaBroker.clusterNode(
                    dir.resolve("node-" + (i + 1)),
                    i + 1,
                    ports[i],
                    controllerPorts[i],
                    voters.toString(),
                    clusterId,
                    NODE_HEAP,
                    settings));
        }
        KafkaCluster cluster = new KafkaCluster(nodes, Duration.ZERO);
        cluster.restart(nodes);
        return new KafkaCluster(nodes, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The internal topics (consumer offsets, transactions, share groups) as durable as a journal topic should be:
     * three replicas where there are three nodes, two of them in sync for a write.
     */
    private static Map<String, String> internalTopics(int n) {
        String replicas = Integer.toString(Math.min(n, 3));
        String inSync = Integer.toString(Math.min(n, 2));
        return Map.of(
                "offsets.topic.replication.factor", replicas,
                "transaction.state.log.replication.factor", replicas,
                "transaction.state.log.min.isr", inSync,
                "share.coordinator.state.topic.replication.factor", replicas,
                "share.coordinator.state.topic.min.isr", inSync);
    }

    /**
     * Starts the given stopped or killed nodes again on their directories and ports, all before waiting for any:
     * a node serves only once a majority of the quorum runs. A failure kills the nodes started here.
     */
    public void restart(List<KafkaBroker> stopped) {
        try {
            inParallel(stopped, KafkaBroker::launch); // a first launch formats: a JVM of its own per node
            stopped.forEach(KafkaBroker::awaitStarted);
        } catch (RuntimeException e) {
            stopped.forEach(KafkaBroker::kill);
            throw e;
        }
    }

    /** Every node's client listener, {@code host:port,…}, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The nodes, in the order of their node ids (1..n). */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    /** The node with {@code node.id} {@code id} (1..n). */
    public KafkaBroker node(int id) {
        return nodes.get(id - 1);
    }

    /** How long the first start took, formatting included, until every node served clients. */
    public Duration startup() {
        return startup;
    }

    /**
     * Stops every node cleanly, all at once: one after another, the last ones would wait in their controlled
     * shutdown for a quorum that has already gone.
     */
    @Override
    public void close() {
        inParallel(nodes, KafkaBroker::stop);
    }

    /** Does {@code action} to every node at once; the first failure, if any, is thrown once all are done. */
    private static void inParallel(List<KafkaBroker> brokers, Consumer<KafkaBroker> action) {
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = brokers.stream()
                .map(node -> Thread.ofPlatform()
                        .name("kafka-node-" + node.nodeId())
                        .start(() -> {
                            try {
                                action.accept(node);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }))
                .toList();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting or stopping Kafka nodes", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
