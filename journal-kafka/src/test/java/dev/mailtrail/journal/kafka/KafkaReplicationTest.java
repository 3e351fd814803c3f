package dev.mailtrail.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailtrail.kafka.broker.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a replicated topic (three brokers, replication factor 3, {@code min.insync.replicas} 2): what an
 * acknowledgement is worth when one broker crashes, and what an append does when two are down. One cluster serves
 * every method, in order, since starting three brokers is most of the time this takes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaReplicationTest {
    private static final int PARTITIONS = 6;
    private static final int MAILBOXES = 11;

    @TempDir
    static Path dir;

    private static KafkaCluster cluster;
    private static KafkaJournalSettings settings;
    /** Every event Kafka acknowledged so far, by its number. */
    private static final Set<Integer> acknowledged = new java.util.HashSet<>();
    /** Events whose append failed: Kafka may still have them (the leader wrote them), never twice. */
    private static final Set<Integer> failed = new java.util.HashSet<>();

    private static int next;

    @BeforeAll
    static void startCluster() {
        // the consumer offsets' topic in three partitions rather than 50: less for three brokers to set up
        cluster = KafkaCluster.start(3, dir.resolve("kafka"), Map.of("offsets.topic.num.partitions", "3"));
        System.out.println(
                "3-node Kafka cluster started in " + cluster.startup().toMillis() + " ms");
        // patient: the producer retries through a leader's election after a crash rather than give up
        settings = new KafkaJournalSettings(
                cluster.bootstrapServers(), "replicated", PARTITIONS, (short) 3, 2, Duration.ofMinutes(2));
        long ready = System.nanoTime();
        JournalTopic.ensure(settings);
        // the consumer offsets' topic (three replicas) is created on a group's first use: while all brokers run
        try (KafkaEventSource source = KafkaEventSource.open(settings, "warm-up")) {
            source.committed(Set.of(0));
        }
        System.out.println("topic and group offsets ready in " + (System.nanoTime() - ready) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            long stopping = System.nanoTime();
            cluster.close();
            System.out.println("3-node Kafka cluster stopped in " + (System.nanoTime() - stopping) / 1_000_000 + " ms");
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedEventIsReadOnceInEachMailboxsOrderAfterABrokerIsKilled() throws Exception {
        Map<Integer, CompletableFuture<JournalPosition>> appended = new LinkedHashMap<>();
        try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
            appendMany(journal, 1_000, appended);
            appendMany(journal, 1, appended);
            appended.get(next - 1).get(2, TimeUnit.MINUTES); // some are acknowledged before the crash
            appendMany(journal, 1_000, appended);
            cluster.node(1).kill(); // some are in flight when a broker (a leader of some partitions) dies
            appendMany(journal, 1_000, appended); // and some are sent while it is dead
            CompletableFuture.allOf(appended.values().toArray(CompletableFuture[]::new))
                    .exceptionally(failure -> null)
                    .get(5, TimeUnit.MINUTES);
        }
        collect(appended);
        // two of three replicas stay in sync: the producer retried on the new leaders and gave nothing up
        assertThat(failed).isEmpty();

        assertEveryAcknowledgedEventReadOnceInOrder("after-one-crash");
    }

    @Test
    @Order(2)
    void withTwoOfThreeBrokersDownAnAppendFailsAndAfterTheirRestartAppendsSucceedAgain() throws Exception {
        cluster.node(1).kill(); // down already if the method before ran
        KafkaJournalSettings impatient = settings.withDeliveryTimeout(Duration.ofSeconds(5));
        try (KafkaEventJournal journal = KafkaEventJournal.open(impatient)) {
            Map<Integer, CompletableFuture<JournalPosition>> before = new LinkedHashMap<>();
            appendMany(journal, 200, before);
            CompletableFuture.allOf(before.values().toArray(CompletableFuture[]::new))
                    .get(2, TimeUnit.MINUTES);
            collect(before);

            cluster.node(2).kill();
            Map<Integer, CompletableFuture<JournalPosition>> during = new LinkedHashMap<>();
            long start = System.nanoTime();
            appendMany(journal, MAILBOXES, during); // one per mailbox: every partition
            for (CompletableFuture<JournalPosition> append : during.values()) {
                // bounded only so that a broken timeout fails the test rather than hanging it
                Throwable failure = catchThrowable(() -> append.get(2, TimeUnit.MINUTES));
                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause())
                        .isInstanceOf(KafkaJournalUnavailableException.class)
                        .hasMessageContaining("Kafka at " + cluster.bootstrapServers())
                        .hasMessageContaining("on topic replicated")
                        .hasMessageContaining("delivery timeout 5000 ms");
            }
            System.out.println("with two brokers down, every append failed after "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            collect(during);
            assertThat(during.keySet()).allMatch(failed::contains); // none counted as acknowledged

            cluster.restart(List.of(cluster.node(1), cluster.node(2)));
            System.out.println("2 Kafka nodes restarted after kill -9 in "
                    + Math.max(
                            cluster.node(1).lastStartup().toMillis(),
                            cluster.node(2).lastStartup().toMillis())
                    + " ms");
            Map<Integer, CompletableFuture<JournalPosition>> after = new LinkedHashMap<>();
            appendMany(journal, 200, after); // the same producer, as a proxy keeps its own
            CompletableFuture.allOf(after.values().toArray(CompletableFuture[]::new))
                    .exceptionally(failure -> null)
                    .get(2, TimeUnit.MINUTES);
            collect(after);
            assertThat(after.keySet()).allMatch(acknowledged::contains);
        }

        assertEveryAcknowledgedEventReadOnceInOrder("after-restart");
    }

    private static void appendMany(
            KafkaEventJournal journal, int count, Map<Integer, CompletableFuture<JournalPosition>> appended) {
        for (int i = 0; i < count; i++) {
            int n = next++;
            appended.put(n, journal.append(event(n)));
        }
    }

    private static void collect(Map<Integer, CompletableFuture<JournalPosition>> appended) {
        appended.forEach((n, append) -> {
            if (append.isDone() && !append.isCompletedExceptionally()) {
                acknowledged.add(n);
            } else {
                failed.add(n);
            }
        });
    }

    /**
     * Reads the whole topic (a new group starts at the beginning): every acknowledged event once, each mailbox's
     * events in the order appended, no event twice.
     */
    private static void assertEveryAcknowledgedEventReadOnceInOrder(String group) {
        List<SourcedEvent> read;
        try (KafkaEventSource source = KafkaEventSource.open(settings, group)) {
            source.assign(IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toSet()));
            read = Drain.atLeast(source, acknowledged.size());
        }
        Map<String, List<Integer>> byMailbox = new HashMap<>();
        Map<Integer, Long> copies = new HashMap<>();
        for (SourcedEvent event : read) {
            int n = number(event.payload());
            assertThat(event.mailbox()).isEqualTo(mailbox(n));
            byMailbox.computeIfAbsent(event.mailbox(), m -> new ArrayList<>()).add(n);
            copies.merge(n, 1L, Long::sum);
        }
        assertThat(copies.keySet()).containsAll(acknowledged);
        assertThat(copies.keySet()).allMatch(n -> acknowledged.contains(n) || failed.contains(n));
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("events read twice")
                .isEmpty();
        byMailbox.forEach((mailbox, numbers) ->
                assertThat(numbers).as("the order of " + mailbox).isSorted());
        System.out.println(group + ": " + acknowledged.size() + " acknowledged, " + failed.size() + " failed, "
                + read.size() + " read ("
                + read.stream()
                        .filter(e -> failed.contains(number(e.payload())))
                        .count()
                + " of the failed ones)");
    }

    private static JournalEvent event(int n) {
        return new JournalEvent(mailbox(n), Integer.toString(n).getBytes(StandardCharsets.UTF_8));
    }

    private static String mailbox(int n) {
        return "mailbox" + (n % MAILBOXES) + "@demo.test";
    }

    private static int number(byte[] payload) {
        return Integer.parseInt(new String(payload, StandardCharsets.UTF_8));
    }
}
