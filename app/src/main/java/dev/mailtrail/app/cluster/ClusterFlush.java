package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.PipelineEntry;
import dev.mailtrail.journal.kafka.JournalPosition;
import dev.mailtrail.journal.kafka.KafkaEventJournal;
import dev.mailtrail.journal.kafka.KafkaJournalSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Closes every open window of a whole cluster that is about to stop ({@code mt demo --cluster}'s Ctrl-C): a flush is
 * journaled on every partition, as the embedded pipeline journals one when it closes, and this waits until the
 * cores' group has committed past each (its records stored with their checkpoint). A single process leaving a
 * running cluster does not do this: its windows stay open for whoever takes its partitions (decision 0033).
 */
public final class ClusterFlush {
    private static final Duration POLL = Duration.ofMillis(100);

    private ClusterFlush() {}

    /**
     * Journals the flush and waits at most {@code timeout} for the cores to store what it closes.
     *
     * @throws IOException naming the partitions whose cores did not get there in time
     */
    public static void run(ClusterSettings settings, Clock clock, Duration timeout) throws IOException {
        KafkaJournalSettings kafka = new KafkaJournalSettings(
                String.join(",", settings.bootstrapServers()),
                settings.topic(),
                settings.partitions(),
                settings.replicationFactor(),
                settings.minInsyncReplicas(),
                KafkaJournalSettings.DEFAULT_DELIVERY_TIMEOUT);
        Map<Integer, Long> flushed = new HashMap<>();
        try (KafkaEventJournal journal = KafkaEventJournal.open(kafka)) {
            byte[] flush = PipelineEntry.encodeAll(List.of(new PipelineEntry.Flush(clock.instant())))
                    .getFirst();
            int partitions = dev.mailtrail.journal.kafka.JournalTopic.ensure(kafka);
            List<java.util.concurrent.CompletableFuture<JournalPosition>> appended = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                appended.add(journal.appendTo(partition, "", flush));
            }
            for (var position : appended) {
                JournalPosition at = position.get();
                flushed.put(at.partition(), at.offset());
            }
        } catch (ExecutionException e) {
            throw new IOException(
                    "the flush could not be journaled on " + settings.topic() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while journaling the flush", e);
        }
        awaitCommitted(settings, flushed, timeout);
    }

    private static void awaitCommitted(ClusterSettings settings, Map<Integer, Long> flushed, Duration timeout)
            throws IOException {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", settings.bootstrapServers()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(properties)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.group())
                        .partitionsToOffsetAndMetadata()
                        .get();
                List<Integer> behind = new ArrayList<>();
                flushed.forEach((partition, offset) -> {
                    OffsetAndMetadata at = committed.get(new TopicPartition(settings.topic(), partition));
                    if (at == null || at.offset() <= offset) {
                        behind.add(partition);
                    }
                });
                if (behind.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    behind.sort(null);
                    throw new IOException("the audit cores did not store the flushed windows of partitions " + behind
                            + " of " + settings.topic() + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new IOException(
                    "the cores' group " + settings.group() + " cannot be read: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the flushed windows", e);
        }
    }
}
