package dev.mailtrail.store.log;

/**
 * Where a newest-first search stopped: the sort key of the last record it returned. The store's sequence is unique
 * and never reused, so resuming after a position returns each record exactly once, even while new records arrive
 * (those newer than the first page are not in the continuation: a search is a window that does not move).
 *
 * @param creationMillis CreationTime in epoch milliseconds, as the store sorts by it
 * @param sequence the store's order of arrival
 */
public record ResultPosition(long creationMillis, long sequence) {
    /** The position of a record a search returned. */
    public static ResultPosition of(FoundRecord record) {
        return new ResultPosition(record.creationTime().toEpochMilli(), record.sequence());
    }

    /** Whether {@code record} comes after this position in newest-first order. */
    public boolean isBefore(FoundRecord record) {
        long millis = record.creationTime().toEpochMilli();
        return millis < creationMillis || millis == creationMillis && record.sequence() < sequence;
    }
}
