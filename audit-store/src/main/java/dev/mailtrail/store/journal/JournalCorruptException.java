package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal whose damage is not a torn tail: a bad frame followed by good ones, or a segment out of sequence.
 * Such a journal is not repaired silently; the message names the file and the byte offset.
 */
public final class JournalCorruptException extends IOException {
    public JournalCorruptException(Path segment, long offset, String problem) {
        super(segment + " at byte " + offset + ": " + problem);
    }
}
