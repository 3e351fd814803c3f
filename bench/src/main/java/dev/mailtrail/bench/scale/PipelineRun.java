package dev.mailtrail.bench.scale;

import dev.mailtrail.app.cluster.ClusterPipeline;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.RecordQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clustered pipeline itself ({@link ClusterPipeline}: the Kafka journal, audit core consumers of the cores' group,
 * the many-writer OpenSearch logs) on the same feed: submitted in groups with several in flight as the embedded run
 * does. Ingest counts until Kafka acknowledged every event. The cluster's windows close on its journaled ticks, not
 * at a process's stop, so end to end counts until every event was applied and the stores' record count stopped
 * growing (sampled every 250 ms; the run waits 5 s of no growth to be sure and does not count that wait). The
 * searches go through the pipeline's own read view of each log.
 */
public final class PipelineRun {
    private static final Duration SETTLED = Duration.ofSeconds(5);

    private PipelineRun() {}

    public static Measured run(
            ClusterRun.Layout layout, String name, Feed feed, int group, int inFlight, Searches searches)
            throws Exception {
        ClusterSettings settings = new ClusterSettings(
                List.of(layout.bootstrapServers().split(",")),
                name,
                layout.partitions(),
                (short) 1,
                1,
                layout.search(),
                name,
                name + "-cores",
                layout.cores(),
                Duration.ofSeconds(1),
                Duration.ofMinutes(2));
        Path directory = Files.createTempDirectory("scale-pipeline");
        String nodeCpuBefore = layout.nodeCpu().get();
        long started = System.nanoTime();
        long acked;
        long stored;
        long records;
        try (ClusterPipeline pipeline =
                ClusterPipeline.start(settings, directory, Clock.systemUTC(), Duration.ofMinutes(2))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            pipeline.onFailure(t -> {
                failure.set(t);
                System.err.println("the clustered pipeline stopped: " + t);
            });
            LogSearches.submitAll(pipeline, feed, group, inFlight);
            acked = System.nanoTime();
            AuditLogSearch mailboxLog = pipeline.mailboxLog();
            AuditLogSearch unifiedLog = pipeline.unifiedLog();
            RecordQuery all = RecordQuery.between(Instant.EPOCH, Instant.MAX);
            long lastCount = -1;
            long lastGrowth = System.nanoTime();
            while (true) {
                if (failure.get() != null) {
                    throw new IllegalStateException(
                            "the clustered pipeline stopped: " + failure.get().getMessage(), failure.get());
                }
                // asked aside: a core that stopped would leave the question unanswered
                AuditStatistics statistics = CompletableFuture.supplyAsync(() -> {
                            try {
                                return pipeline.statistics();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        })
                        .get(2, java.util.concurrent.TimeUnit.MINUTES);
                long count = mailboxLog.count(all) + unifiedLog.count(all);
                long now = System.nanoTime();
                if (count != lastCount) {
                    lastCount = count;
                    lastGrowth = now;
                } else if (statistics.events() >= feed.count() && now - lastGrowth > SETTLED.toNanos()) {
                    records = statistics.records();
                    break;
                }
                Thread.sleep(250);
            }
            stored = lastGrowth;
            String nodeCpuAfter = layout.nodeCpu().get();
            ClusterSearch operator = new ClusterSearch(layout.search(), name);
            long bytes = operator.storeBytes();
            long kafkaBytes = Disk.size(
                    layout.kafkaData(),
                    path -> path.getParent().getFileName().toString().startsWith(name + "-")
                            && path.getFileName().toString().endsWith(".log"));
            LogSearches timed = LogSearches.time(searches, feed, mailboxLog, unifiedLog);
            String shards = operator.shards();
            long compactStart = System.nanoTime();
            long compacted = operator.compactedBytes();
            String detail = String.format(
                    Locale.ROOT,
                    "ClusterPipeline: %d partitions, %d cores; node CPU %s -> %s; %s%n%11s merged to one segment per"
                            + " shard in %.0f s: %,d bytes, %.0f B/record",
                    layout.partitions(),
                    layout.cores(),
                    nodeCpuBefore,
                    nodeCpuAfter,
                    shards,
                    "",
                    (System.nanoTime() - compactStart) / 1e9,
                    compacted,
                    (double) compacted / lastCount);
            return new Measured(
                    "pipeline",
                    feed.count(),
                    (acked - started) / 1e9,
                    (stored - started) / 1e9,
                    records,
                    lastCount,
                    bytes,
                    kafkaBytes,
                    timed.page(),
                    timed.day(),
                    timed.lookup(),
                    detail);
        } finally {
            Disk.delete(directory);
        }
    }
}
