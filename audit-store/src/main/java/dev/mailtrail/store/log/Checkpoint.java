package dev.mailtrail.store.log;

/**
 * How far a store's last commit reaches: every record the audit core made from the journal's events, counted from
 * the first, up to {@code records}; and the journal sequence of the last event applied when it was made. On
 * start-up the journal is replayed through the core, and the first {@code records} records it makes again are
 * already stored.
 */
public record Checkpoint(long journalSequence, long records) {
    public static final Checkpoint EMPTY = new Checkpoint(0, 0);
}
