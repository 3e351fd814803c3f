package dev.mailtrail.journal.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the journal lives on Kafka and how durable an acknowledgement is.
 *
 * @param bootstrapServers the brokers, {@code host:port,…}
 * @param topic the journal topic
 * @param partitions how many partitions the topic gets when created: the most audit cores that can share it
 * @param replicationFactor how many brokers keep each partition
 * @param minInsyncReplicas how many of them must have an event before it is acknowledged ({@code acks=all} waits for
 *     every in-sync replica, and the broker refuses a write while fewer than this are in sync)
 * @param deliveryTimeout how long an append may wait for Kafka (reconnecting, retrying) before it fails
 */
public record KafkaJournalSettings(
        String bootstrapServers,
        String topic,
        int partitions,
        short replicationFactor,
        int minInsyncReplicas,
        Duration deliveryTimeout) {
    public static final String DEFAULT_TOPIC = "mailtrail-events";
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    public KafkaJournalSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1) {
            throw new IllegalArgumentException("partitions, replication factor and min.insync.replicas must be at"
                    + " least 1; got " + partitions + ", " + replicationFactor + ", " + minInsyncReplicas);
        }
        if (minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas " + minInsyncReplicas
                    + " is more than the replication factor " + replicationFactor + ": no write could succeed");
        }
        if (deliveryTimeout.toMillis() < 1_000) {
            throw new IllegalArgumentException("a delivery timeout under 1 s leaves Kafka no time to answer");
        }
    }

    /** One broker (a demo, a test): one replica, every event acknowledged once that broker has it. */
    public static KafkaJournalSettings singleBroker(String bootstrapServers, String topic, int partitions) {
        return new KafkaJournalSettings(bootstrapServers, topic, partitions, (short) 1, 1, DEFAULT_DELIVERY_TIMEOUT);
    }

    public KafkaJournalSettings withDeliveryTimeout(Duration timeout) {
        return new KafkaJournalSettings(
                bootstrapServers, topic, partitions, replicationFactor, minInsyncReplicas, timeout);
    }
}
