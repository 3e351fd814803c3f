package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Makes a damaged journal usable again without destroying anything: the damaged segment's bytes from the damage on,
 * and every later segment, are moved into a directory beside the journal; the journal then ends where its last good
 * frame ends, and appends continue from there. What was moved is described by the returned {@link Damage}, which
 * the caller records in the audit log itself.
 */
public final class JournalRepair {
    private JournalRepair() {}

    /**
     * What was set aside.
     *
     * @param segment the segment the damage was found in
     * @param offset the byte offset where the good frames end
     * @param firstLostSequence the first sequence number no longer in the journal
     * @param bytesMoved bytes moved aside (the damaged rest of the segment and every later segment)
     * @param segmentsMoved whole segments moved aside
     * @param movedTo the directory they are in
     * @param problem what was wrong
     */
    public record Damage(
            Path segment,
            long offset,
            long firstLostSequence,
            long bytesMoved,
            int segmentsMoved,
            Path movedTo,
            String problem) {}

    /** Moves the damage {@code found} reports, and everything after it, into {@code aside} (created). */
    public static Damage moveAside(JournalCorruptException found, Path aside) throws IOException {
        Path segment = found.segment();
        Path directory = segment.getParent();
        Files.createDirectories(aside);
        long moved = 0;
        int segments = 0;
        try (FileChannel from = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = from.size();
            if (found.offset() == 0) {
                // nothing of the segment is good: it goes whole
                from.close();
                moved += size;
                segments++;
                Files.move(segment, aside.resolve(segment.getFileName()));
            } else {
                Path copy = aside.resolve(segment.getFileName() + ".from-byte-" + found.offset());
                try (FileChannel to = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    long at = found.offset();
                    while (at < size) {
                        at += from.transferTo(at, size - at, to);
                    }
                    to.force(true);
                }
                moved += size - found.offset();
                from.truncate(found.offset());
                from.force(true);
            }
        }
        List<Path> all = Segments.list(directory);
        for (Path later : all) {
            if (later.compareTo(segment) > 0) {
                moved += Files.size(later);
                segments++;
                Files.move(later, aside.resolve(later.getFileName()));
            }
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        String message = found.getMessage();
        String problem = message.substring(message.indexOf(": ") + 2);
        return new Damage(segment, found.offset(), found.expectedSequence(), moved, segments, aside, problem);
    }
}
