package dev.mailtrail.app.cluster;

import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Kafka broker (KRaft) and one real OpenSearch node for every clustered test of this JVM (surefire reuses
 * one fork per module): started together on first use, in processes of their own with 512 MB heaps, on free
 * loopback ports, and stopped when the JVM ends. Each test takes settings of its own ({@link #settings}): its own
 * topic, consumer group and index prefix, so tests share the services and nothing else.
 */
public final class ClusterFixture {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static KafkaBroker broker;
    private static SearchNode search;

    private ClusterFixture() {}

    /** The broker, started on first use. */
    public static synchronized KafkaBroker broker() {
        start();
        return broker;
    }

    /** The OpenSearch node, started on first use. */
    public static synchronized SearchNode search() {
        start();
        return search;
    }

    /**
     * Settings for one test's cluster on the shared services: a topic of {@code partitions}, a group and an index
     * prefix no other test uses, {@code cores} audit core consumers per process, ticks every 200 ms.
     */
    public static ClusterSettings settings(String name, int partitions, int cores) {
        start();
        String unique = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + NAMES.incrementAndGet()
                + "-" + ProcessHandle.current().pid();
        return new ClusterSettings(
                List.of(broker.bootstrapServers()),
                "mt-" + unique,
                partitions,
                (short) 1,
                1,
                search.baseUrl(),
                "mt-" + unique,
                "cores-" + unique,
                cores,
                Duration.ofMillis(200),
                Duration.ofMinutes(2));
    }

    private static void start() {
        if (broker != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("mailtrail-cluster-fixture");
            CompletableFuture<SearchNode> node = CompletableFuture.supplyAsync(
                    () -> SearchNode.start(SearchEngine.OPENSEARCH, dir.resolve("search"), "512m"));
            KafkaBroker started = KafkaBroker.start(dir.resolve("kafka"));
            search = node.join();
            broker = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    search.close();
                } finally {
                    broker.close();
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
