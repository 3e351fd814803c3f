package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What opening a journal found and did. Every segment but the last must be whole; the last may end in a torn
 * frame (a crash between write and sync), which is cut off — those bytes were never acknowledged.
 *
 * @param nextSequence the sequence the next append gets
 * @param lastSegment the segment appends continue in, or null for an empty journal
 * @param tornBytes bytes cut from the end of the last segment
 */
public record JournalRecovery(long nextSequence, Path lastSegment, long tornBytes) {

    static JournalRecovery recover(Path directory) throws IOException {
        List<Path> segments = Segments.list(directory);
        long expected = 1;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            long first = Segments.firstSequence(segment);
            if (first != expected) {
                throw new JournalCorruptException(
                        segment, 0, "segment starts at sequence " + first + ", expected " + expected);
            }
            SegmentScanner.End end;
            try (SegmentScanner scanner = new SegmentScanner(segment)) {
                end = scanner.scan(expected, Long.MAX_VALUE, (sequence, payload) -> true);
            }
            boolean last = i == segments.size() - 1;
            if (!end.clean() && !last) {
                throw new JournalCorruptException(segment, end.validBytes(), "damaged frame before the last segment");
            }
            expected = end.nextSequence();
            if (last) {
                // the preallocated rest goes too: appends must not run into what an unsynced write left there
                long cut = cutAfter(segment, end.validBytes());
                return new JournalRecovery(expected, segment, end.clean() ? 0 : cut);
            }
        }
        return new JournalRecovery(expected, null, 0);
    }

    private static long cutAfter(Path segment, long validBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            long torn = channel.size() - validBytes;
            if (torn > 0) {
                channel.truncate(validBytes);
                channel.force(true);
            }
            return torn;
        }
    }
}
