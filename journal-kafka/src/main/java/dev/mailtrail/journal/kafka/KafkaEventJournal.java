package dev.mailtrail.journal.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event journal on a Kafka topic: an append completes once Kafka acknowledged the event with {@code acks=all},
 * i.e. every in-sync replica has it and there are at least the topic's {@code min.insync.replicas} of them — what
 * the local journal's fdatasync gives, on several machines. The producer is idempotent: a batch it retries after a
 * lost answer (a broker that crashed, a connection that broke) is written once. Events are keyed by mailbox, so one
 * mailbox's events stay in one partition in the order appended.
 *
 * <p>It fails closed: when Kafka does not acknowledge within the delivery timeout (brokers down, too few in-sync
 * replicas) the append fails with a {@link KafkaJournalUnavailableException} naming the brokers, and the producer
 * holds at most its bounded buffer meanwhile — when that is full, or before Kafka ever answered, {@code append}
 * blocks for up to the same timeout and then fails too, rather than keeping events it cannot make durable.
 *
 * <p>Thread-safe: concurrent appenders share one producer, which batches what they send ({@code linger.ms}) as the
 * local journal's group commit does.
 */
public final class KafkaEventJournal implements AutoCloseable {
    /** How long the producer waits for more events to fill a batch: a few ms more latency, far fewer requests. */
    private static final int LINGER_MS = 1;
    /** The most bytes of one partition sent in one request: a burst of events goes in a few requests. */
    private static final int BATCH_BYTES = 256 * 1024;

    private final KafkaJournalSettings settings;
    private final KafkaProducer<String, byte[]> producer;

    private KafkaEventJournal(KafkaJournalSettings settings) {
        this.settings = settings;
        this.producer = new KafkaProducer<>(producerProperties(settings));
    }

    /** Opens a producer on the journal topic (which {@link JournalTopic#ensure} creates). */
    public static KafkaEventJournal open(KafkaJournalSettings settings) {
        return new KafkaEventJournal(settings);
    }

    static Properties producerProperties(KafkaJournalSettings settings) {
        long timeout = settings.deliveryTimeout().toMillis();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "mailtrail-journal");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // idempotence keeps order with up to 5 requests in flight per partition
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, timeout - LINGER_MS));
        // send() waits for metadata and for buffer space at most this long: no append waits longer than the timeout
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /** Appends one event; completes with where Kafka keeps it once it is acknowledged by every in-sync replica. */
    public CompletableFuture<JournalPosition> append(JournalEvent event) {
        CompletableFuture<JournalPosition> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(settings.topic(), event.mailbox(), event.payload());
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(unavailable(event, failure));
                } else {
                    acknowledged.complete(new JournalPosition(metadata.partition(), metadata.offset()));
                }
            });
        } catch (RuntimeException failure) { // no metadata or no buffer space within max.block.ms, or closed
            acknowledged.completeExceptionally(unavailable(event, failure));
        }
        return acknowledged;
    }

    /**
     * Appends {@code payload} to partition {@code partition} itself, whatever its key would choose: what concerns
     * one partition's audit core rather than one mailbox (the clock passing, a configuration every partition takes
     * up). Completes as {@link #append} does.
     */
    public CompletableFuture<JournalPosition> appendTo(int partition, String key, byte[] payload) {
        CompletableFuture<JournalPosition> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), partition, key, payload);
        JournalEvent described = new JournalEvent("partition " + partition, payload);
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(unavailable(described, failure));
                } else {
                    acknowledged.complete(new JournalPosition(metadata.partition(), metadata.offset()));
                }
            });
        } catch (RuntimeException failure) {
            acknowledged.completeExceptionally(unavailable(described, failure));
        }
        return acknowledged;
    }

    /**
     * Appends events, each keyed by its mailbox, in order; completes with their positions once all are
     * acknowledged, or fails if any is not (events of other mailboxes may then be durable: each partition is written
     * on its own).
     */
    public CompletableFuture<List<JournalPosition>> appendAll(List<JournalEvent> events) {
        List<CompletableFuture<JournalPosition>> each = new ArrayList<>(events.size());
        for (JournalEvent event : events) {
            each.add(append(event));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /** Sends whatever is lingering in a batch now, and waits until every append so far has completed. */
    public void flush() {
        producer.flush();
    }

    public KafkaJournalSettings settings() {
        return settings;
    }

    /** Waits up to the delivery timeout for appends in flight, then closes; appends after this fail. */
    @Override
    public void close() {
        producer.close(settings.deliveryTimeout());
    }

    private KafkaJournalUnavailableException unavailable(JournalEvent event, Throwable failure) {
        return new KafkaJournalUnavailableException(
                "Kafka at " + settings.bootstrapServers() + " did not acknowledge an event of " + event.mailbox()
                        + " on topic " + settings.topic() + " (delivery timeout "
                        + settings.deliveryTimeout().toMillis() + " ms): " + failure.getMessage(),
                failure);
    }
}
