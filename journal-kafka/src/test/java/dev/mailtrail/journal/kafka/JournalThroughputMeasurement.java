package dev.mailtrail.journal.kafka;

import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.kafka.broker.KafkaBroker;
import dev.mailtrail.store.journal.EventJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable appends per second, side by side in one run, of the same events in the journal's binary form: the local
 * {@link EventJournal} (fdatasync per group commit) and {@link KafkaEventJournal} on a real one-node broker, both
 * with the broker's default flushing (durable once in the broker's page cache: replication is Kafka's durability) and
 * with {@code log.flush.interval.messages=1} (the broker fsyncs each produce request, as the local journal does).
 * A measurement, not a test: it prints numbers and asserts nothing. Run: {@code mvn -pl journal-kafka -am test
 * -Dtest=JournalThroughputMeasurement -Dmailtrail.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "mailtrail.measure", matches = "true")
class JournalThroughputMeasurement {
    private static final int EVENTS = Integer.getInteger("mailtrail.measure.events", 100_000);
    private static final int BATCH = 1_000;
    private static final int APPENDERS = 16;

    @TempDir
    Path dir;

    @Test
    void durableAppendsPerSecond() throws Exception {
        List<JournalEvent> events = events();
        List<byte[]> payloads = events.stream().map(JournalEvent::payload).toList();
        StringBuilder report = new StringBuilder("\n" + EVENTS + " events, "
                + payloads.stream().mapToInt(p -> p.length).sum() / EVENTS + " bytes each on average\n");

        try (EventJournal local = EventJournal.open(dir.resolve("local"))) {
            EventJournal.await(local.appendAll(payloads.subList(0, BATCH))); // warm-up
            report.append(line("local EventJournal, batches of " + BATCH, batches(payloads, local::appendAll)));
            report.append(line(
                    "local EventJournal, " + APPENDERS + " appenders of 1", singles(payloads, p -> local.append(p))));
        }
        for (Map<String, String> flush :
                List.of(Map.<String, String>of(), Map.of("log.flush.interval.messages", "1"))) {
            String name = flush.isEmpty() ? "Kafka (page cache)" : "Kafka (fsync per request)";
            try (KafkaBroker broker = KafkaBroker.start(dir.resolve(flush.isEmpty() ? "kafka" : "kafka-sync"), flush)) {
                report.append(
                        name + " broker started in " + broker.lastStartup().toMillis() + " ms\n");
                KafkaJournalSettings settings = KafkaJournalSettings.singleBroker(broker.bootstrapServers(), "bench", 4)
                        .withDeliveryTimeout(Duration.ofMinutes(2));
                JournalTopic.ensure(settings);
                try (KafkaEventJournal kafka = KafkaEventJournal.open(settings)) {
                    kafka.appendAll(events.subList(0, BATCH)).join(); // warm-up
                    report.append(line(name + ", batches of " + BATCH, batches(events, kafka::appendAll)));
                    report.append(line(name + ", " + APPENDERS + " appenders of 1", singles(events, kafka::append)));
                }
            }
        }
        System.out.println(report);
    }

    /** Events per second appending {@code BATCH} at a time, waiting for each batch to be durable. */
    private static <T> double batches(List<T> events, Function<List<T>, CompletableFuture<?>> append) {
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += BATCH) {
            append.apply(events.subList(from, Math.min(events.size(), from + BATCH)))
                    .join();
        }
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Events per second with concurrent appenders each appending one event and waiting, as proxy sessions do. */
    private static <T> double singles(List<T> events, Function<T, CompletableFuture<?>> append) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < APPENDERS; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < events.size(); i += APPENDERS) {
                        append.apply(events.get(i)).join();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return events.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static String line(String what, double perSecond) {
        return String.format("%-52s %,10.0f events/s%n", what, perSecond);
    }

    /** Realistic reads (one MailItemsAccessed Bind each) over 977 mailboxes, in the journal's binary form. */
    private static List<JournalEvent> events() throws Exception {
        AccessEventReader reader = new AccessEventReader();
        BinaryEventCodec.Output out = new BinaryEventCodec.Output();
        List<JournalEvent> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String mailbox = "user" + (i % 977) + "@contoso.com";
            String line = "{\"time\":\"2026-03-02T09:15:04.120Z\",\"kind\":\"access\",\"actor\":\"" + mailbox
                    + "\",\"mailbox\":\"" + mailbox + "\",\"logonType\":\"Owner\","
                    + "\"operation\":\"MailItemsAccessed\",\"accessType\":\"Bind\",\"session\":{\"id\":\"s" + i
                    + "\",\"clientIp\":\"203.0.113.7\",\"clientInfo\":\"Client=IMAP4; name=mutt\"},"
                    + "\"folder\":{\"id\":\"INBOX;uidvalidity=1700000000\",\"path\":\"\\\\Inbox\"},"
                    + "\"items\":[{\"internetMessageId\":\"<m" + i + "@contoso.com>\",\"size\":48213}]}";
            out.reset();
            BinaryEventCodec.write(reader.read(line), out);
            events.add(new JournalEvent(mailbox, out.toByteArray()));
        }
        return events;
    }
}
