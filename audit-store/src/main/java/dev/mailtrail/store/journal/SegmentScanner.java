package dev.mailtrail.store.journal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one segment frame by frame, checking each checksum and that sequences follow on. Stops cleanly at
 * the end of the file or of what was written (zeros where a frame would start: a segment is preallocated); at a
 * frame that is not whole and valid it reports where the good part ends.
 */
final class SegmentScanner implements AutoCloseable {
    /** What a scan found: the next sequence expected, and the byte offset where valid frames end. */
    record End(long nextSequence, long validBytes, boolean clean) {}

    interface FrameVisitor {
        /** Returns false to stop the scan. */
        boolean visit(long sequence, byte[] payload) throws IOException;
    }

    private final Path segment;
    private final FileChannel channel;

    SegmentScanner(Path segment) throws IOException {
        this.segment = segment;
        this.channel = FileChannel.open(segment, StandardOpenOption.READ);
    }

    /** Scans from the start; {@code expected} is the sequence the first frame must carry. */
    End scan(long expected, long stopAfter, FrameVisitor visitor) throws IOException {
        return scan(0, expected, stopAfter, visitor);
    }

    /** Scans from byte {@code start}, where a frame carrying {@code expected} begins. */
    End scan(long start, long expected, long stopAfter, FrameVisitor visitor) throws IOException {
        long position = start;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(Frame.HEADER);
        while (position < size) {
            if (expected > stopAfter) {
                return new End(expected, position, true);
            }
            if (size - position < Frame.HEADER) {
                return new End(expected, position, false);
            }
            header.clear();
            readFully(header, position);
            header.flip();
            int length = header.getInt();
            int checksum = header.getInt();
            long sequence = header.getLong();
            if (length == 0 && checksum == 0 && sequence == 0) {
                // no frame carries sequence 0: this is the unwritten, preallocated rest of the segment
                return new End(expected, position, true);
            }
            if (length < 0 || length > Frame.MAX_PAYLOAD || size - position - Frame.HEADER < length) {
                return new End(expected, position, false);
            }
            byte[] payload = new byte[length];
            readFully(ByteBuffer.wrap(payload), position + Frame.HEADER);
            if (Frame.checksum(sequence, payload, 0, length) != checksum) {
                return new End(expected, position, false);
            }
            if (sequence != expected) {
                throw new JournalCorruptException(
                        segment, position, "frame has sequence " + sequence + ", expected " + expected);
            }
            position += Frame.HEADER + length;
            expected++;
            if (!visitor.visit(sequence, payload)) {
                return new End(expected, position, true);
            }
        }
        return new End(expected, position, true);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException(segment + ": ends inside a frame at byte " + at);
            }
            at += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
