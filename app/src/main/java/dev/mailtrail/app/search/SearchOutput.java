package dev.mailtrail.app.search;

import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;

/** Writes search results as they stream from the store, newest first. */
public interface SearchOutput {
    /** Before the first result; {@code resultCount} is how many records match in all. */
    default void begin(long resultCount) throws IOException {}

    /** One result; {@code resultIndex} counts from 1. */
    void write(FoundRecord record, long resultIndex, long resultCount) throws IOException;

    default void end() throws IOException {}
}
