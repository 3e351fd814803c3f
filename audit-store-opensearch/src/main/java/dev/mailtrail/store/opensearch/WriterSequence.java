package dev.mailtrail.store.opensearch;

/**
 * A record's place among every writer's records: the writer's own sequence ({@code local}, from 1, gapless) and
 * the log-wide sequence made of it and the writer's number, unique across writers without any coordination
 * beyond the number each writer takes once. Searches use the log-wide one as the tie-breaker after CreationTime,
 * as {@code ResultPosition} expects.
 */
record WriterSequence(String writer, int ordinal, long local) {
    /** Up to 2^20 writers per log, 2^43 records each. */
    static final int ORDINAL_BITS = 20;

    static final int MAX_WRITERS = 1 << ORDINAL_BITS;

    long global() {
        return local << ORDINAL_BITS | ordinal;
    }

    /** The record's document id: the same record written again by the same writer replaces itself. */
    String id() {
        return Long.toString(global());
    }
}
