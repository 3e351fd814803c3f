package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.AccessEventWriter;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.store.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the journal holds: events as access-event JSON, and the two things besides events that move the audit core
 * — the clock passing with no event (a tick, so that windows close while a mailbox is idle) and a flush at shutdown.
 * Journaling them makes a replay close the same windows at the same moments, so it makes the same records.
 */
sealed interface PipelineEntry {
    byte EVENT = 'E';
    byte TICK = 'T';
    byte FLUSH = 'F';

    record Event(AuditEvent event) implements PipelineEntry {}

    record Tick(Instant time) implements PipelineEntry {}

    record Flush(Instant time) implements PipelineEntry {}

    static byte[] encode(PipelineEntry entry, AccessEventWriter writer) {
        return switch (entry) {
            case Event event -> {
                byte[] json = writer.toBytes(event.event());
                byte[] payload = new byte[json.length + 1];
                payload[0] = EVENT;
                System.arraycopy(json, 0, payload, 1, json.length);
                yield payload;
            }
            case Tick tick -> time(TICK, tick.time());
            case Flush flush -> time(FLUSH, flush.time());
        };
    }

    /** Entries in order; the events among them encoded together, which is cheaper than one by one. */
    static java.util.List<byte[]> encodeAll(java.util.List<PipelineEntry> entries, AccessEventWriter writer) {
        if (entries.stream().allMatch(entry -> entry instanceof Event)) {
            java.util.List<AuditEvent> events = new java.util.ArrayList<>(entries.size());
            for (PipelineEntry entry : entries) {
                events.add(((Event) entry).event());
            }
            return writer.toBytes(events, new byte[] {EVENT});
        }
        java.util.List<byte[]> payloads = new java.util.ArrayList<>(entries.size());
        for (PipelineEntry entry : entries) {
            payloads.add(encode(entry, writer));
        }
        return payloads;
    }

    static PipelineEntry decode(byte[] payload, AccessEventReader reader) throws EventFormatException {
        if (payload.length == 0) {
            throw new EventFormatException(null, "an empty journal entry");
        }
        return switch (payload[0]) {
            case EVENT -> new Event(reader.read(payload, 1, payload.length - 1));
            case TICK -> new Tick(instant(payload));
            case FLUSH -> new Flush(instant(payload));
            default -> throw new EventFormatException(null, "unknown journal entry kind " + payload[0]);
        };
    }

    /** A journal entry, decoded; one that cannot be read is an error naming the journal and the entry. */
    static PipelineEntry decode(JournalEntry entry, AccessEventReader reader, Path journal) {
        try {
            return decode(entry.payload(), reader);
        } catch (EventFormatException e) {
            throw new UncheckedIOException(
                    new IOException(journal + ": entry " + entry.sequence() + " cannot be read: " + e.getMessage()));
        }
    }

    private static byte[] time(byte kind, Instant time) {
        return ByteBuffer.allocate(9).put(kind).putLong(time.toEpochMilli()).array();
    }

    private static Instant instant(byte[] payload) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(payload, 1, 8).getLong());
    }
}
