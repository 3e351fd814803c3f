package dev.mailtrail.journal.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the journal topic for an audit core: from each partition's committed offset (the start of the partition
 * when none is committed), handing every event with its partition and offset to the caller, who commits offsets
 * itself once the records those events made are stored — so a crash between the two re-reads events (whose records
 * have deterministic Ids) and never skips one. Nothing is committed automatically.
 *
 * <p>One thread uses a source, as Kafka's consumer demands: the core's own loop polls, stores and commits.
 */
public final class KafkaEventSource implements AutoCloseable {
    /** Told which partitions this source got or lost when its consumer group rebalances. */
    public interface Assignment {
        /** Before partitions go to another member: the last moment to commit what was stored from them. */
        void revoked(Set<Integer> partitions);

        void assigned(Set<Integer> partitions);

        /**
         * Partitions taken away without a revocation (this member was thought gone): another member may already
         * apply them, so nothing more may be stored from them. Treated as a revocation unless overridden.
         */
        default void lost(Set<Integer> partitions) {
            revoked(partitions);
        }
    }

    private final KafkaJournalSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;

    private KafkaEventSource(KafkaJournalSettings settings, String group) {
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings, group));
    }

    /** A source in consumer group {@code group}; call {@link #subscribe} or {@link #assign} before polling. */
    public static KafkaEventSource open(KafkaJournalSettings settings, String group) {
        return new KafkaEventSource(settings, group);
    }

    /** How long the group waits for a silent member before it gives its partitions to the others. */
    static final java.time.Duration SESSION_TIMEOUT = java.time.Duration.ofSeconds(10);

    static Properties consumerProperties(KafkaJournalSettings settings, String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "mailtrail-core-" + group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a rebalance moves only the partitions that change hands: the others' cores keep applying meanwhile
        properties.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        // a core that dies (kill -9, a lost machine) leaves its partitions unapplied until the group notices: 10 s, not
        // Kafka's default 45 s, so that records are late by seconds; heartbeats every 3 s, as Kafka advises (a third)
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis() / 3);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    /** Shares the topic's partitions with the group's other members, as Kafka assigns them. */
    public void subscribe(Assignment listener) {
        consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                listener.revoked(numbers(partitions));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                listener.assigned(numbers(partitions));
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                listener.lost(numbers(partitions));
            }
        });
    }

    /** Reads exactly these partitions (no rebalancing), from the group's committed offsets. */
    public void assign(Set<Integer> partitions) {
        consumer.assign(partitions.stream().map(this::topicPartition).toList());
    }

    /** Reads from {@code offset} of {@code partition} next: for a core that keeps its offsets with its records. */
    public void seek(int partition, long offset) {
        consumer.seek(topicPartition(partition), offset);
    }

    /**
     * The first offset {@code partition} still holds: Kafka deletes older segments by the topic's retention, so a
     * reader that must start before it would miss events.
     */
    public long firstOffset(int partition) {
        TopicPartition topicPartition = topicPartition(partition);
        return consumer.beginningOffsets(java.util.List.of(topicPartition)).getOrDefault(topicPartition, 0L);
    }

    /**
     * Waits up to {@code timeout} for events and hands each to {@code handler}, in offset order per partition;
     * returns how many.
     */
    public int poll(Duration timeout, Consumer<SourcedEvent> handler) {
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            handler.accept(new SourcedEvent(record.partition(), record.offset(), record.key(), record.value()));
            count++;
        }
        return count;
    }

    /**
     * Commits, for each partition, the offset to read next ({@link SourcedEvent#nextOffset()} of the last event
     * stored); returns once Kafka has the commit.
     */
    public void commit(Map<Integer, Long> nextOffsets) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach(
                (partition, offset) -> offsets.put(topicPartition(partition), new OffsetAndMetadata(offset)));
        consumer.commitSync(offsets, settings.deliveryTimeout());
    }

    /** The offsets the group has committed for {@code partitions} (absent where none). */
    public Map<Integer, Long> committed(Set<Integer> partitions) {
        Map<Integer, Long> offsets = new HashMap<>();
        consumer.committed(
                        partitions.stream().map(this::topicPartition).collect(Collectors.toSet()),
                        settings.deliveryTimeout())
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        offsets.put(partition.partition(), offset.offset());
                    }
                });
        return offsets;
    }

    /** The partitions this source reads now. */
    public Set<Integer> assignment() {
        return numbers(consumer.assignment());
    }

    @Override
    public void close() {
        consumer.close();
    }

    private TopicPartition topicPartition(int partition) {
        return new TopicPartition(settings.topic(), partition);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }
}
