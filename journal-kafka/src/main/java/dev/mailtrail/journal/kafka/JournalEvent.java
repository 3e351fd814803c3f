package dev.mailtrail.journal.kafka;

import java.util.Objects;

/**
 * An event to journal: its bytes (as {@code BinaryEventCodec} and the pipeline write them) and the mailbox it
 * belongs to, which is its Kafka key: every event of one mailbox goes to one partition, in the order appended.
 */
public record JournalEvent(String mailbox, byte[] payload) {
    public JournalEvent {
        Objects.requireNonNull(payload, "payload");
        if (mailbox == null || mailbox.isBlank()) {
            // a keyless record would be spread over partitions and lose its mailbox's order
            throw new IllegalArgumentException("an event to journal on Kafka needs the mailbox it belongs to");
        }
    }
}
