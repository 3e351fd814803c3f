package dev.mailtrail.journal.kafka;

/**
 * Kafka did not acknowledge an event in time (brokers unreachable, too few in-sync replicas, the producer's buffer
 * full): the event is not durable, and the caller fails closed.
 */
public final class KafkaJournalUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KafkaJournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
