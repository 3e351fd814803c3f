package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What opening a journal found and did. Every segment but the last must be whole; the last may end in a torn
 * frame (a crash between write and sync), which is cut off — those bytes were never acknowledged.
 *
 * <p>A tail is torn, not damaged, only if no valid frame lies further than {@link EventJournal#UNSYNCED_LIMIT}
 * bytes beyond where the good frames end: the writer syncs at least that often, so a valid frame further on was
 * written after a sync that made the bad place durable, and acknowledged. Bytes of a torn tail that are not zeros
 * are kept beside the journal ({@code torn/}) before the cut, never simply dropped.
 *
 * @param nextSequence the sequence the next append gets
 * @param lastSegment the segment appends continue in, or null for an empty journal
 * @param tornBytes bytes cut from the end of the last segment
 */
public record JournalRecovery(long nextSequence, Path lastSegment, long tornBytes) {
    /** Where the non-zero bytes of a torn tail are kept, inside the journal's directory. */
    public static final String TORN = "torn";

    /** Told, while recovery reads the journal, where some frames start: reads can then begin near them. */
    @FunctionalInterface
    interface FrameIndex {
        void frame(long sequence, Path segment, long offset);
    }

    static JournalRecovery recover(Path directory) throws IOException {
        return recover(directory, (sequence, segment, offset) -> {});
    }

    static JournalRecovery recover(Path directory, FrameIndex index) throws IOException {
        long expected = JournalStart.read(directory);
        List<Path> segments = new java.util.ArrayList<>(Segments.list(directory));
        while (segments.size() > 1 && Segments.firstSequence(segments.get(1)) <= expected) {
            // a trim that a crash interrupted: the start was made durable first, these were being deleted
            Files.delete(segments.removeFirst());
        }
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            long first = Segments.firstSequence(segment);
            if (first != expected) {
                throw new JournalCorruptException(
                        segment,
                        0,
                        expected,
                        first > expected
                                ? "segment starts at sequence " + first + ", expected " + expected
                                        + ": a segment is missing"
                                : "segment starts at sequence " + first + ", expected " + expected);
            }
            SegmentScanner.End end;
            long dataEnd;
            try (SegmentScanner scanner = new SegmentScanner(segment)) {
                end = scanner.scan(expected, Long.MAX_VALUE, (sequence, payload) -> {
                    if (sequence % EventJournal.INDEX_EVERY == 0) {
                        index.frame(sequence, segment, scanner.frameStart());
                    }
                    return true;
                });
                boolean last = i == segments.size() - 1;
                if (!end.clean() && !last) {
                    throw new JournalCorruptException(
                            segment, end.validBytes(), end.nextSequence(), "damaged frame before the last segment");
                }
                if (!last) {
                    expected = end.nextSequence();
                    continue;
                }
                long beyond =
                        scanner.nextValidFrame(end.validBytes() + EventJournal.UNSYNCED_LIMIT + 1, end.nextSequence());
                if (beyond >= 0) {
                    throw new JournalCorruptException(
                            segment,
                            end.validBytes(),
                            end.nextSequence(),
                            (end.clean() ? "a gap" : "a damaged frame") + " with valid frames after it at byte "
                                    + beyond + ": damage, not a torn tail");
                }
                dataEnd = scanner.dataEnd(end.validBytes());
            }
            if (dataEnd > end.validBytes()) {
                keepAside(directory, segment, end.validBytes(), dataEnd);
            }
            // the preallocated rest goes too: appends must not run into what an unsynced write left there
            long cut = cutAfter(segment, end.validBytes());
            return new JournalRecovery(
                    end.nextSequence(), segment, end.clean() && dataEnd == end.validBytes() ? 0 : cut);
        }
        if (expected > 1) {
            throw new JournalCorruptException(
                    directory,
                    0,
                    expected,
                    "the journal should begin at sequence " + expected + " but holds no segment");
        }
        return new JournalRecovery(expected, null, 0);
    }

    /** Copies the bytes of {@code segment} from {@code offset} to {@code dataEnd} to {@code torn/} before they are cut. */
    private static void keepAside(Path directory, Path segment, long offset, long dataEnd) throws IOException {
        Path aside = directory.resolve(TORN);
        Files.createDirectories(aside);
        Path copy = aside.resolve(segment.getFileName() + "." + offset);
        try (FileChannel from = FileChannel.open(segment, StandardOpenOption.READ);
                FileChannel to = FileChannel.open(
                        copy,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            long size = dataEnd;
            long at = offset;
            while (at < size) {
                at += from.transferTo(at, size - at, to);
            }
            to.force(true);
        }
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
