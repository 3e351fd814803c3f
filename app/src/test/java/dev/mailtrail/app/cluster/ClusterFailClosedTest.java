package dev.mailtrail.app.cluster;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailtrail.journal.kafka.KafkaJournalUnavailableException;
import dev.mailtrail.kafka.broker.KafkaBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A proxy's side of the clustered pipeline fails closed when Kafka is gone: no event is taken as durable. */
class ClusterFailClosedTest {
    @TempDir
    Path dir;

    @Test
    void anEventKafkaCannotTakeFailsWithKafkaNamed() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("closed", 2, 0);
        KafkaBroker broker = ClusterFixture.broker();
        try (ClusterPipeline proxy = ClusterPipeline.start(settings, dir, Clock.systemUTC(), Duration.ofSeconds(3))) {
            proxy.submit(ClusterEvents.bind(ClusterEvents.START, "up@contoso.com", 1))
                    .get(30, TimeUnit.SECONDS);
            broker.stop();
            try {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> proxy.submit(
                                ClusterEvents.bind(ClusterEvents.START, "down@contoso.com", 2))
                        .get(60, TimeUnit.SECONDS));
                assertInstanceOf(KafkaJournalUnavailableException.class, failed.getCause());
                assertTrue(
                        failed.getCause().getMessage().contains(broker.bootstrapServers()),
                        failed.getCause().getMessage());
            } finally {
                broker.restart();
            }
        }
    }
}
