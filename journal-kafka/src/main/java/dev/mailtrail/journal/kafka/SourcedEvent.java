package dev.mailtrail.journal.kafka;

/** An event read from the journal topic: where it is ({@code partition}, {@code offset}), its mailbox and bytes. */
public record SourcedEvent(int partition, long offset, String mailbox, byte[] payload) {
    /** The offset to commit once this event and those before it in its partition are stored. */
    public long nextOffset() {
        return offset + 1;
    }
}
