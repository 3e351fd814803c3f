package dev.mailtrail.store.journal;

/** One durable event: its sequence number (from 1, gap-free) and its bytes as the sensor handed them. */
public record JournalEntry(long sequence, byte[] payload) {}
