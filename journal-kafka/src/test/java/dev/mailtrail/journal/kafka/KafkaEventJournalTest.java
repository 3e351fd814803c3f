package dev.mailtrail.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.kafka.broker.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal producer and source against one real broker, shared by the tests: each uses a topic of its own. */
class KafkaEventJournalTest {
    @TempDir
    static Path dir;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eventsKeyedByMailboxAreReadBackInEachMailboxsOrderFromOnePartitionEach() throws Exception {
        KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(broker.bootstrapServers(), "ordered", 4);
        assertThat(JournalTopic.ensure(settings)).isEqualTo(4);
        int perMailbox = 200;
        List<String> mailboxes = List.of(
                "alice@demo.test",
                "bob@demo.test",
                "carol@demo.test",
                "dave@demo.test",
                "erin@demo.test",
                "frank@demo.test",
                "grace@demo.test",
                "heidi@demo.test");
        List<JournalEvent> events = new ArrayList<>();
        for (int i = 0; i < perMailbox; i++) {
            for (String mailbox : mailboxes) {
                events.add(new JournalEvent(mailbox, (mailbox + "#" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
            List<JournalPosition> positions = journal.appendAll(events).get(60, TimeUnit.SECONDS);
            assertThat(positions).hasSize(events.size());
        }

        List<SourcedEvent> read;
        try (KafkaEventSource source = KafkaEventSource.open(settings, "ordered-core")) {
            source.assign(Set.of(0, 1, 2, 3));
            read = Drain.read(source, events.size());
        }
        assertThat(read).hasSize(events.size());
        Map<String, List<String>> byMailbox = new LinkedHashMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (SourcedEvent event : read) {
            byMailbox
                    .computeIfAbsent(event.mailbox(), m -> new ArrayList<>())
                    .add(new String(event.payload(), StandardCharsets.UTF_8));
            partitions
                    .computeIfAbsent(event.mailbox(), m -> new java.util.HashSet<>())
                    .add(event.partition());
        }
        for (String mailbox : mailboxes) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perMailbox; i++) {
                expected.add(mailbox + "#" + i);
            }
            assertThat(byMailbox.get(mailbox)).as(mailbox).containsExactlyElementsOf(expected);
            assertThat(partitions.get(mailbox)).as(mailbox).hasSize(1);
        }
        // eight mailboxes over four partitions: the key spreads them, not all in one
        assertThat(partitions.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .hasSizeGreaterThan(1);
    }

    @Test
    void aSourceRestartingFromCommittedOffsetsNeitherLosesNorRepeatsAnEvent() throws Exception {
        KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(broker.bootstrapServers(), "committed", 2);
        JournalTopic.ensure(settings);
        List<JournalEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new JournalEvent(
                    "mailbox" + (i % 7) + "@demo.test", ("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        try (KafkaEventJournal journal = KafkaEventJournal.open(settings)) {
            journal.appendAll(events).get(60, TimeUnit.SECONDS);
        }

        List<String> stored = new ArrayList<>();
        try (KafkaEventSource first = KafkaEventSource.open(settings, "restarting-core")) {
            first.subscribe(new NoticedAssignment());
            // a core stores some events, commits their offsets, then reads more it never stores (it crashes)
            List<SourcedEvent> read = Drain.read(first, 120);
            List<SourcedEvent> kept = read.subList(0, 120);
            Map<Integer, Long> next = new HashMap<>();
            for (SourcedEvent event : kept) {
                stored.add(new String(event.payload(), StandardCharsets.UTF_8));
                next.put(event.partition(), event.nextOffset());
            }
            first.commit(next);
            assertThat(first.committed(Set.of(0, 1))).isEqualTo(next);
            first.poll(Duration.ofMillis(200), event -> {}); // read after the commit, lost with the crash
        }

        try (KafkaEventSource second = KafkaEventSource.open(settings, "restarting-core")) {
            second.subscribe(new NoticedAssignment());
            for (SourcedEvent event : Drain.atLeast(second, events.size() - stored.size())) {
                stored.add(new String(event.payload(), StandardCharsets.UTF_8));
            }
        }
        List<String> expected = events.stream()
                .map(e -> new String(e.payload(), StandardCharsets.UTF_8))
                .sorted()
                .toList();
        assertThat(stored.stream().sorted().toList()).isEqualTo(expected);
    }

    /** A core that only notes its partitions. */
    static final class NoticedAssignment implements KafkaEventSource.Assignment {
        final List<Set<Integer>> assigned = new ArrayList<>();

        @Override
        public void revoked(Set<Integer> partitions) {}

        @Override
        public void assigned(Set<Integer> partitions) {
            assigned.add(partitions);
        }
    }
}
