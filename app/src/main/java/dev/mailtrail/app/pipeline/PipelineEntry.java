package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.BinaryEventCodec;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.store.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the journal holds: events (in the journal's binary form; access-event JSON in older journals), and the
 * things besides events that move the audit core
 * — the clock passing with no event (a tick, so that windows close while a mailbox is idle), a flush at shutdown,
 * a loss a repair found and the resolution of intents a replay left open.
 * Journaling them makes a replay close the same windows at the same moments, so it makes the same records.
 */
public sealed interface PipelineEntry {
    /** An event as access-event JSON: what journals held before {@link #BINARY_EVENT}, still read. */
    byte EVENT = 'E';
    /** An event in the journal's binary form ({@link BinaryEventCodec}). */
    byte BINARY_EVENT = 'B';

    byte TICK = 'T';
    byte FLUSH = 'F';
    byte LOSS = 'L';
    byte RESOLVE = 'R';
    /** A cmdlet applied to the configuration only (a clustered journal's partitions other than the first). */
    byte CONFIGURE = 'C';

    record Event(AuditEvent event) implements PipelineEntry {}

    record Tick(Instant time) implements PipelineEntry {}

    record Flush(Instant time) implements PipelineEntry {}

    /**
     * The journal's replay ended with intents open (the process stopped before their answers were journaled): the
     * audit core resolves each, recording as a read the items no access named (docs/decisions/0011). {@code names}
     * holds what a lookup on the server found of those items (each {@link ItemRef} by the item's id): journaled here,
     * so that a replay names them the same way without asking the server again. Entries before names were journaled
     * hold none.
     */
    record Resolve(Instant time, java.util.List<ItemRef> names) implements PipelineEntry {
        public Resolve {
            names = java.util.List.copyOf(names);
        }

        Resolve(Instant time) {
            this(time, java.util.List.of());
        }

        /** The names by item id, as the audit core takes them. */
        java.util.Map<String, ItemRef> byItemId() {
            java.util.Map<String, ItemRef> byId = new java.util.LinkedHashMap<>();
            names.forEach(n -> byId.put(n.id(), n));
            return byId;
        }
    }

    /**
     * A repair set part of the journal aside, or found it missing: the audit core records {@code cmdletLine} (an
     * {@code Add-MailTrailJournalDamage} admin record), and record counting jumps to {@code storedRecords} (what the
     * stores held then), so that records made after it get new numbers and Ids, never ones the stores already hold.
     */
    record Loss(Instant time, String actor, long storedRecords, long storedSequence, String cmdletLine)
            implements PipelineEntry {}

    /**
     * A cmdlet that reaches a part of the audit trail which does not record it (decision 0033: a clustered journal
     * appends each cmdlet to every partition; the first records it, the others only take up the configuration it
     * sets). The clock passing to its time closes what it closes — those records are kept — then the cmdlet is
     * applied and what that application makes is dropped.
     */
    record Configure(CmdletInvocation invocation) implements PipelineEntry {}

    /** Entries in order, as journal payloads: events in the journal's binary form, one buffer for the lot. */
    public static java.util.List<byte[]> encodeAll(java.util.List<PipelineEntry> entries) {
        java.util.List<byte[]> payloads = new java.util.ArrayList<>(entries.size());
        BinaryEventCodec.Output out = new BinaryEventCodec.Output();
        for (PipelineEntry entry : entries) {
            payloads.add(
                    switch (entry) {
                        case Event event -> {
                            out.reset();
                            out.writeByte(BINARY_EVENT);
                            BinaryEventCodec.write(event.event(), out);
                            yield out.toByteArray();
                        }
                        case Tick tick -> time(TICK, tick.time());
                        case Flush flush -> time(FLUSH, flush.time());
                        case Loss loss -> loss(loss);
                        case Resolve resolve -> ResolveCodec.encode(resolve);
                        case Configure configure -> {
                            out.reset();
                            out.writeByte(CONFIGURE);
                            BinaryEventCodec.write(configure.invocation(), out);
                            yield out.toByteArray();
                        }
                    });
        }
        return payloads;
    }

    public static PipelineEntry decode(byte[] payload, AccessEventReader reader) throws EventFormatException {
        if (payload.length == 0) {
            throw new EventFormatException(null, "an empty journal entry");
        }
        return switch (payload[0]) {
            case BINARY_EVENT -> new Event(BinaryEventCodec.read(payload, 1, payload.length - 1));
            case EVENT -> new Event(reader.read(payload, 1, payload.length - 1));
            case TICK -> new Tick(instant(payload));
            case FLUSH -> new Flush(instant(payload));
            case LOSS -> loss(payload);
            case RESOLVE -> ResolveCodec.decode(payload);
            case CONFIGURE -> {
                if (!(BinaryEventCodec.read(payload, 1, payload.length - 1) instanceof CmdletInvocation invocation)) {
                    throw new EventFormatException(null, "a configuration entry that holds no cmdlet");
                }
                yield new Configure(invocation);
            }
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

    private static byte[] loss(Loss loss) {
        byte[] actor = loss.actor().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] line = loss.cmdletLine().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 3 * Long.BYTES + 2 * Integer.BYTES + actor.length + line.length)
                .put(LOSS)
                .putLong(loss.time().toEpochMilli())
                .putLong(loss.storedRecords())
                .putLong(loss.storedSequence())
                .putInt(actor.length)
                .put(actor)
                .putInt(line.length)
                .put(line)
                .array();
    }

    private static Loss loss(byte[] payload) throws EventFormatException {
        try {
            ByteBuffer in = ByteBuffer.wrap(payload, 1, payload.length - 1);
            Instant time = Instant.ofEpochMilli(in.getLong());
            long records = in.getLong();
            long sequence = in.getLong();
            byte[] actor = new byte[in.getInt()];
            in.get(actor);
            byte[] line = new byte[in.getInt()];
            in.get(line);
            return new Loss(
                    time,
                    new String(actor, java.nio.charset.StandardCharsets.UTF_8),
                    records,
                    sequence,
                    new String(line, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new EventFormatException(null, "a damage entry cut short");
        }
    }

    private static Instant instant(byte[] payload) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(payload, 1, 8).getLong());
    }
}
