package dev.mailtrail.app.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition whose oldest events the topic's retention deleted before any snapshot covered them stops its audit
 * core with an error naming both offsets: applying what is left would miss events and number records anew.
 */
class TrimmedPartitionTest {

    @TempDir
    Path dir;

    @Test
    void aCoreThatMustReadEventsRetentionDeletedStopsAndSaysWhichOffsets() throws Exception {
        ClusterEvents.MovableClock clock = new ClusterEvents.MovableClock(ClusterEvents.START);
        ClusterSettings proxyOnly = ClusterFixture.settings("trimmed", 1, 0);
        try (ClusterPipeline proxy = ClusterPipeline.start(proxyOnly, dir.resolve("proxy"), clock)) {
            proxy.submitAll(List.of(
                            ClusterEvents.bind(ClusterEvents.START, "a@contoso.com", 1),
                            ClusterEvents.bind(ClusterEvents.START.plusSeconds(1), "a@contoso.com", 2),
                            ClusterEvents.bind(ClusterEvents.START.plusSeconds(2), "a@contoso.com", 3),
                            ClusterEvents.bind(ClusterEvents.START.plusSeconds(3), "a@contoso.com", 4)))
                    .get(60, TimeUnit.SECONDS);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ClusterFixture.broker().bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition(proxyOnly.topic(), 0), RecordsToDelete.beforeOffset(2)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }

        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        ClusterSettings withCore = new ClusterSettings(
                proxyOnly.bootstrapServers(),
                proxyOnly.topic(),
                proxyOnly.partitions(),
                proxyOnly.replicationFactor(),
                proxyOnly.minInsyncReplicas(),
                proxyOnly.search(),
                proxyOnly.indexPrefix(),
                proxyOnly.group(),
                1,
                proxyOnly.tickInterval(),
                proxyOnly.intentTimeout());
        try (ClusterPipeline cores = ClusterPipeline.start(withCore, dir.resolve("core"), clock)) {
            cores.onFailure(stopped::complete);
            String message = stopped.get(90, TimeUnit.SECONDS).getMessage();
            assertTrue(message.contains("begins at offset 2"), message);
            assertTrue(message.contains("must read from offset 0"), message);
        }
    }
}
