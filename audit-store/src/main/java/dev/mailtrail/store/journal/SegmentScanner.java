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

    private static final int WINDOW_BYTES = 1 << 20;

    private final Path segment;
    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).limit(0);
    private long windowStart;
    /** Where the frame being visited starts. */
    private long frameStart;

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
        while (position < size) {
            if (expected > stopAfter) {
                return new End(expected, position, true);
            }
            if (size - position < Frame.HEADER) {
                return new End(expected, position, false);
            }
            ByteBuffer header = window(position, Frame.HEADER);
            int at = header.position();
            int length = header.getInt(at);
            int checksum = header.getInt(at + Integer.BYTES);
            long sequence = header.getLong(at + 2 * Integer.BYTES);
            if (length == 0 && checksum == 0 && sequence == 0) {
                // no frame carries sequence 0: this is the unwritten, preallocated rest of the segment
                return new End(expected, position, true);
            }
            if (length < 0 || length > Frame.MAX_PAYLOAD || size - position - Frame.HEADER < length) {
                return new End(expected, position, false);
            }
            byte[] payload = payload(position + Frame.HEADER, length);
            if (Frame.checksum(sequence, payload, 0, length) != checksum) {
                return new End(expected, position, false);
            }
            if (sequence != expected) {
                throw new JournalCorruptException(
                        segment, position, expected, "frame has sequence " + sequence + ", expected " + expected);
            }
            frameStart = position;
            position += Frame.HEADER + length;
            expected++;
            if (!visitor.visit(sequence, payload)) {
                return new End(expected, position, true);
            }
        }
        return new End(expected, position, true);
    }

    /** During a visit: the offset at which the visited frame starts. */
    long frameStart() {
        return frameStart;
    }

    /**
     * The offset of the first whole, valid frame at or after byte {@code from} that carries a sequence of at least
     * {@code expected}, or -1: looked for byte by byte, since after a bad frame nothing says where the next begins.
     */
    long nextValidFrame(long from, long expected) throws IOException {
        long size = channel.size();
        long highest = expected + (size - from) / Frame.HEADER;
        for (long position = from; position + Frame.HEADER <= size; position++) {
            ByteBuffer header = window(position, Frame.HEADER);
            int at = header.position();
            long sequence = header.getLong(at + 2 * Integer.BYTES);
            if (sequence < expected || sequence > highest) {
                continue;
            }
            int length = header.getInt(at);
            if (length < 0 || length > Frame.MAX_PAYLOAD || size - position - Frame.HEADER < length) {
                continue;
            }
            int checksum = header.getInt(at + Integer.BYTES);
            if (Frame.checksum(sequence, payload(position + Frame.HEADER, length), 0, length) == checksum) {
                return position;
            }
        }
        return -1;
    }

    /** Where the last byte that is not zero ends, from {@code from} on ({@code from} if all are zeros). */
    long dataEnd(long from) throws IOException {
        long size = channel.size();
        long end = from;
        for (long position = from; position < size; position += WINDOW_BYTES) {
            int length = (int) Math.min(WINDOW_BYTES, size - position);
            ByteBuffer bytes = window(position, length);
            int start = bytes.position();
            for (int i = start + length - 1; i >= start; i--) {
                if (bytes.get(i) != 0) {
                    end = position + (i - start) + 1;
                    break;
                }
            }
        }
        return end;
    }

    private byte[] payload(long position, int length) throws IOException {
        byte[] payload = new byte[length];
        if (length > WINDOW_BYTES) {
            readFully(ByteBuffer.wrap(payload), position);
        } else {
            ByteBuffer bytes = window(position, length);
            bytes.get(bytes.position(), payload);
        }
        return payload;
    }

    /**
     * The window, positioned at {@code position} with at least {@code length} bytes after it: frames are read a
     * window at a time rather than with two reads each.
     */
    private ByteBuffer window(long position, int length) throws IOException {
        if (position < windowStart || position + length > windowStart + window.limit()) {
            window.clear();
            long available = channel.size() - position;
            window.limit((int) Math.max(length, Math.min(WINDOW_BYTES, available)));
            readFully(window, position);
            windowStart = position;
        }
        return window.position((int) (position - windowStart));
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
