package dev.mailtrail.bench;

import dev.mailtrail.bench.scale.ClusterRun;
import dev.mailtrail.bench.scale.EmbeddedRun;
import dev.mailtrail.bench.scale.Feed;
import dev.mailtrail.bench.scale.Measured;
import dev.mailtrail.bench.scale.PipelineRun;
import dev.mailtrail.bench.scale.Searches;
import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.searchnode.SearchEngine;
import dev.mailtrail.searchnode.SearchNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded pipeline against the clustered one, side by side in one run, at each size: the same {@link AccessMix}
 * events (bursty clients of 1,000 mailboxes, reads aggregated into MailItemsAccessed windows, logins, deletes, moves,
 * sends, a few cmdlets) through a fresh data directory (journal, one audit core, Lucene), then through a real Kafka
 * broker (KRaft, one node) and real OpenSearch node started here, with audit core consumers between them; then the
 * three searches on each. {@code ./mt bench ScaleOutBench [--events 1000000,10000000] [--dir DIR] [--partitions 4]
 * [--cores 2] [--heap 2g] [--pipelines embedded,clustered[,pipeline]]}. See docs/scale-out.md.
 */
public final class ScaleOutBench {
    private static final Instant START = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static final int GROUP = 2_000;
    private static final int IN_FLIGHT = 16;
    private static final Searches SEARCHES = new Searches(AccessMix.MAILBOXES, 200, 100, 50);

    private ScaleOutBench() {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(1_000_000L, 10_000_000L);
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "mailtrail-scale-bench");
        int partitions = 4;
        int cores = 2;
        String heap = "2g";
        // the clustered pipeline itself only when asked: its cores stop at their first snapshot on the test node
        // (docs/scale-out.md)
        Set<String> runs = Set.of("embedded", "clustered");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" ->
                    sizes = Stream.of(args[++i].split(",")).map(Long::parseLong).toList();
                case "--dir" -> base = Path.of(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--cores" -> cores = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                case "--pipelines" -> runs = Set.of(args[++i].split(","));
                default ->
                    throw new IllegalArgumentException("usage: ScaleOutBench [--events N,N…] [--dir DIR]"
                            + " [--partitions P] [--cores C] [--heap 2g] [--pipelines embedded,clustered,pipeline]");
            }
        }
        delete(base);
        Files.createDirectories(base);
        System.out.printf(Locale.ROOT, "ScaleOutBench %s, load average %s%n", Instant.now(), loadAverage());
        boolean cluster = runs.contains("clustered") || runs.contains("pipeline");
        try (KafkaBroker broker = cluster ? KafkaBroker.start(base.resolve("kafka")) : null;
                SearchNode node =
                        !cluster ? null : SearchNode.start(SearchEngine.OPENSEARCH, base.resolve("opensearch"), heap)) {
            if (broker != null) {
                System.out.printf(
                        Locale.ROOT,
                        "Kafka broker started in %.1f s, OpenSearch node (heap %s) in %.1f s%n",
                        broker.lastStartup().toMillis() / 1e3,
                        heap,
                        node.startup().toMillis() / 1e3);
            }
            header();
            for (long size : sizes) {
                Measured embedded = null;
                if (runs.contains("embedded")) {
                    Path dir = base.resolve("embedded-" + size);
                    embedded = EmbeddedRun.run(dir, feed(size), GROUP, IN_FLIGHT, SEARCHES);
                    row(embedded);
                    delete(dir);
                }
                if (broker == null) {
                    continue;
                }
                ClusterRun.Layout layout = new ClusterRun.Layout(
                        broker.bootstrapServers(),
                        broker.dataDirectory(),
                        node.baseUrl(),
                        partitions,
                        cores,
                        () -> String.format(
                                Locale.ROOT, "%.1f s", node.cpuTime().toMillis() / 1e3));
                if (runs.contains("clustered")) {
                    Measured clustered =
                            ClusterRun.run(layout, "scale-" + size, feed(size), GROUP, IN_FLIGHT, SEARCHES);
                    compare(clustered, embedded, node);
                }
                if (runs.contains("pipeline")) {
                    Measured pipeline = PipelineRun.run(layout, "pipe-" + size, feed(size), GROUP, IN_FLIGHT, SEARCHES);
                    compare(pipeline, embedded, node);
                }
            }
        }
    }

    private static void compare(Measured clustered, Measured embedded, SearchNode node) {
        row(clustered);
        System.out.printf(
                Locale.ROOT, "%11s %s; node RSS %,d MiB%n", "", clustered.detail(), node.residentBytes() >> 20);
        if (embedded != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%11s %s / embedded: ingest %.2f×, end to end %.2f×%n",
                    "",
                    clustered.pipeline(),
                    clustered.ackRate() / embedded.ackRate(),
                    clustered.endRate() / embedded.endRate());
        }
    }

    private static Feed feed(long size) {
        return new Feed(AccessMix.stream(AccessMix.Traffic.BURSTY, 2026, START), size, START);
    }

    private static void header() {
        System.out.printf(
                Locale.ROOT,
                "%-10s %-10s %11s %11s %10s %9s %9s %9s %8s %14s %14s %14s %6s%n",
                "pipeline",
                "events",
                "ack ev/s",
                "end ev/s",
                "records/s",
                "records",
                "stored",
                "B/record",
                "jrnl B/ev",
                "page p50/p99",
                "day p50/p99",
                "msgid p50/p99",
                "load");
    }

    private static void row(Measured m) {
        System.out.printf(
                Locale.ROOT,
                "%-10s %-10d %11.0f %11.0f %10.0f %9d %9d %9.0f %8.0f %14s %14s %14s %6s%n",
                m.pipeline(),
                m.events(),
                m.ackRate(),
                m.endRate(),
                m.recordRate(),
                m.records(),
                m.storedRecords(),
                m.bytesPerRecord(),
                m.journalBytesPerEvent(),
                m.page(),
                m.day(),
                m.messageId(),
                loadAverage().split(" ")[0]);
        System.out.printf(
                Locale.ROOT,
                "%11s %s: ingest %.1f s, end to end %.1f s; stores %,d bytes; journal %,d bytes%n",
                "",
                m.pipeline(),
                m.ackSeconds(),
                m.endSeconds(),
                m.storeBytes(),
                m.journalBytes());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
