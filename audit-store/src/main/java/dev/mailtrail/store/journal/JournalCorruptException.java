package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal whose damage is not a torn tail: a bad frame followed by good ones, or a segment out of sequence.
 * Such a journal is not repaired silently; the message names the file and the byte offset, and the fields say where
 * {@link JournalRepair} may cut it.
 */
public final class JournalCorruptException extends IOException {
    private final transient Path segment;
    private final long offset;
    private final long expectedSequence;

    public JournalCorruptException(Path segment, long offset, String problem) {
        this(segment, offset, 0, problem);
    }

    public JournalCorruptException(Path segment, long offset, long expectedSequence, String problem) {
        super(segment + " at byte " + offset + ": " + problem);
        this.segment = segment;
        this.offset = offset;
        this.expectedSequence = expectedSequence;
    }

    /** The segment file where the damage starts. */
    public Path segment() {
        return segment;
    }

    /** The byte offset in {@link #segment()} where the last good frame ends. */
    public long offset() {
        return offset;
    }

    /** The first sequence number that cannot be read back (0 if not known). */
    public long expectedSequence() {
        return expectedSequence;
    }
}
