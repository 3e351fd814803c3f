package dev.mailtrail.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailtrail.kafka.broker.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an acknowledgement is worth when the broker crashes, and what an append does while it is down. */
class KafkaJournalDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventIsReadBackOnceAfterTheBrokerIsKilledAndRestarted() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            // long enough for the producer to retry through the restart rather than give up
            KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(broker.bootstrapServers(), "crash", 3)
                    .withDeliveryTimeout(Duration.ofMinutes(3));
            JournalTopic.ensure(settings);
            Map<String, CompletableFuture<JournalPosition>> appended = new HashMap<>();
            try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
                int n = 0;
                for (; n < 2_000; n++) {
                    appended.put("event " + n, journal.append(event(n)));
                }
                journal.append(event(n++)).get(60, TimeUnit.SECONDS); // some are acknowledged before the crash
                for (; n < 4_000; n++) {
                    appended.put("event " + n, journal.append(event(n)));
                }
                broker.kill(); // some are in flight, unacknowledged, when the broker dies
                broker.restart();
                CompletableFuture.allOf(appended.values().toArray(CompletableFuture[]::new))
                        .exceptionally(failure -> null)
                        .get(5, TimeUnit.MINUTES);
            }
            Set<String> acknowledged = appended.entrySet().stream()
                    .filter(e -> !e.getValue().isCompletedExceptionally())
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            // the producer retried through the restart: nothing was given up
            assertThat(acknowledged).hasSize(appended.size());

            List<String> read = new ArrayList<>();
            try (KafkaEventSource source = KafkaEventSource.open(settings, "after-crash")) {
                source.assign(Set.of(0, 1, 2));
                Drain.atLeast(source, acknowledged.size())
                        .forEach(e -> read.add(new String(e.payload(), StandardCharsets.UTF_8)));
            }
            Map<String, Long> copies =
                    read.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies.keySet()).containsAll(acknowledged);
            assertThat(copies.values().stream().filter(c -> c > 1).count())
                    .as("events written twice")
                    .isZero();
        }
    }

    @Test
    void anAppendFailsNamingTheBrokersWhenKafkaIsDown() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(broker.bootstrapServers(), "down", 1);
            JournalTopic.ensure(settings);
            try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
                journal.append(event(0)).get(60, TimeUnit.SECONDS);
            }
            broker.stop();

            KafkaJournalSettings impatient = settings.withDeliveryTimeout(Duration.ofSeconds(3));
            try (KafkaEventJournal journal = KafkaEventJournal.open(impatient)) {
                CompletableFuture<JournalPosition> append = journal.append(event(1));
                // bounded only so that a broken timeout fails the test rather than hanging it
                Throwable failure = catchThrowable(() -> append.get(2, TimeUnit.MINUTES));

                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause())
                        .isInstanceOf(KafkaJournalUnavailableException.class)
                        .hasMessageContaining("Kafka at " + broker.bootstrapServers())
                        .hasMessageContaining("mailbox1@demo.test")
                        .hasMessageContaining("delivery timeout 3000 ms");
            }
        }
    }

    private static JournalEvent event(int n) {
        return new JournalEvent("mailbox" + (n % 11) + "@demo.test", ("event " + n).getBytes(StandardCharsets.UTF_8));
    }
}
