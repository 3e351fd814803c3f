package dev.mailtrail.journal.kafka;

/** Where Kafka keeps an acknowledged event: its partition of the journal topic and its offset there. */
public record JournalPosition(int partition, long offset) {}
