package dev.mailtrail.store.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The event journal: every event is durable (written and fsynced) before its append completes. One writer
 * thread takes whatever concurrent appenders have queued, writes it as one batch and syncs once — group
 * commit, so a mail proxy holding a message until its read is journaled pays one fsync per batch, not per
 * read. Opening a journal recovers it: a torn tail left by a crash is cut off (only unacknowledged bytes can
 * be torn), and anything else that is wrong stops the open with the file and offset.
 */
public final class EventJournal implements AutoCloseable {
    public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;
    private static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;
    /**
     * The most bytes written and not yet synced at any moment: the writer syncs before its buffer is written again.
     * Recovery relies on it: a valid frame further than this beyond a bad one proves the bad one was durable.
     */
    static final long UNSYNCED_LIMIT = MAX_BATCH_BYTES + Frame.HEADER + Frame.MAX_PAYLOAD;
    /** Every so many frames the writer notes where a frame starts, so that reads need not scan a segment whole. */
    static final long INDEX_EVERY = 4_096;

    /** Where the frame of a sequence number starts. */
    private record FramePosition(Path segment, long offset) {}

    private record Pending(List<byte[]> payloads, CompletableFuture<Long> durable) {}

    private static final Pending STOP = new Pending(List.of(), null);

    private final Path directory;
    private final long segmentBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final JournalRecovery recovery;
    private final java.util.concurrent.ConcurrentSkipListMap<Long, FramePosition> positions;
    private Path segmentPath;
    private FileChannel segment;
    private long segmentSize;
    private long nextSequence;
    private volatile long durableSequence;
    private volatile IOException failure;
    private volatile boolean closed;
    private boolean unsynced;
    private volatile long firstSequence;

    private EventJournal(
            Path directory,
            long segmentBytes,
            JournalRecovery recovery,
            java.util.concurrent.ConcurrentSkipListMap<Long, FramePosition> positions)
            throws IOException {
        this.positions = positions;
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.recovery = recovery;
        this.nextSequence = recovery.nextSequence();
        this.durableSequence = recovery.nextSequence() - 1;
        this.firstSequence = JournalStart.read(directory);
        if (recovery.lastSegment() != null) {
            segmentPath = recovery.lastSegment();
            segment = FileChannel.open(recovery.lastSegment(), StandardOpenOption.WRITE);
            segmentSize = segment.size();
            preallocate();
        }
        this.writer = Thread.ofPlatform().name("mailtrail-journal").daemon().unstarted(this::writeLoop);
        writer.start();
    }

    /** Opens (creating if needed) the journal in {@code directory}, recovering it after a crash. */
    public static EventJournal open(Path directory) throws IOException {
        return open(directory, DEFAULT_SEGMENT_BYTES);
    }

    public static EventJournal open(Path directory, long segmentBytes) throws IOException {
        Files.createDirectories(directory);
        // recovery reads every frame anyway: it notes where some start, so that a replay from a snapshot near the
        // end reads from there rather than from the start of its segment
        java.util.concurrent.ConcurrentSkipListMap<Long, FramePosition> positions =
                new java.util.concurrent.ConcurrentSkipListMap<>();
        JournalRecovery recovery = JournalRecovery.recover(
                directory, (sequence, segment, offset) -> positions.put(sequence, new FramePosition(segment, offset)));
        return new EventJournal(directory, segmentBytes, recovery, positions);
    }

    /** What opening found: events kept, and bytes of a torn tail that were cut off. */
    public JournalRecovery recovery() {
        return recovery;
    }

    /** Appends one event; completes with its sequence number once it is durable. */
    public CompletableFuture<Long> append(byte[] payload) {
        return appendAll(List.of(payload));
    }

    /** Appends events in order; completes with the last one's sequence number once all are durable. */
    public CompletableFuture<Long> appendAll(List<byte[]> payloads) {
        for (byte[] payload : payloads) {
            if (payload.length > Frame.MAX_PAYLOAD) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("an event of " + payload.length
                        + " bytes is over the journal's limit of " + Frame.MAX_PAYLOAD));
            }
        }
        CompletableFuture<Long> durable = new CompletableFuture<>();
        IOException failed = failure;
        if (failed != null) {
            durable.completeExceptionally(failed);
        } else if (closed) {
            durable.completeExceptionally(new IllegalStateException("the journal is closed"));
        } else {
            queue.add(new Pending(List.copyOf(payloads), durable));
        }
        return durable;
    }

    /** The highest sequence number that is durable (0 if none). */
    public long durableSequence() {
        return durableSequence;
    }

    /** The first sequence the journal still holds: 1, or where it begins after covered segments were deleted. */
    public long firstSequence() {
        return firstSequence;
    }

    /** The first sequence of the segment that holds {@code sequence} (of the last, for one beyond the end). */
    public long segmentOf(long sequence) throws IOException {
        long start = firstSequence;
        for (Path segment : Segments.list(directory)) {
            long first = Segments.firstSequence(segment);
            if (first > sequence) {
                break;
            }
            start = first;
        }
        return start;
    }

    /** What {@link #deleteCoveredSegments} did. */
    public record Trim(int segmentsDeleted, long bytesDeleted, long firstSequence) {}

    /**
     * Deletes the segments wholly at or before {@code coveredSequence} (what snapshots and stores hold without the
     * journal), all but the newest of them that together make at least {@code tailBytes}: that tail stays for
     * re-reading. The segment being written is never deleted. The journal's new start is made durable before any
     * segment goes, so that a crash between the two leaves only segments the start says are not needed.
     */
    public Trim deleteCoveredSegments(long coveredSequence, long tailBytes) throws IOException {
        List<Path> segments = Segments.list(directory);
        int covered = 0;
        while (covered + 1 < segments.size()
                && Segments.firstSequence(segments.get(covered + 1)) - 1 <= coveredSequence) {
            covered++;
        }
        long kept = 0;
        int keepFrom = covered;
        while (keepFrom > 0 && kept < tailBytes) {
            keepFrom--;
            kept += Files.size(segments.get(keepFrom));
        }
        if (kept < tailBytes || keepFrom == 0) {
            return new Trim(0, 0, firstSequence);
        }
        long newFirst = Segments.firstSequence(segments.get(keepFrom));
        JournalStart.write(directory, newFirst);
        firstSequence = newFirst;
        long bytes = 0;
        for (int i = 0; i < keepFrom; i++) {
            bytes += Files.size(segments.get(i));
            Files.delete(segments.get(i));
        }
        syncDirectory();
        positions.headMap(newFirst).clear();
        return new Trim(keepFrom, bytes, newFirst);
    }

    /** Reads durable events from {@code fromSequence} on, in order, to the durable end as of this call. */
    public void read(long fromSequence, Consumer<JournalEntry> consumer) throws IOException {
        read(fromSequence, Long.MAX_VALUE, consumer);
    }

    /** Reads durable events from {@code fromSequence} through {@code toSequence} (or the durable end), in order. */
    public void read(long fromSequence, long toSequence, Consumer<JournalEntry> consumer) throws IOException {
        long stopAfter = Math.min(durableSequence, toSequence);
        List<Path> segments = Segments.list(directory);
        java.util.Map.Entry<Long, FramePosition> near = positions.floorEntry(fromSequence);
        for (int i = 0; i < segments.size(); i++) {
            long first = Segments.firstSequence(segments.get(i));
            long nextFirst = i + 1 < segments.size() ? Segments.firstSequence(segments.get(i + 1)) : Long.MAX_VALUE;
            if (nextFirst <= fromSequence || first > stopAfter) {
                continue;
            }
            long start = 0;
            long expected = first;
            if (near != null && near.getValue().segment().equals(segments.get(i)) && near.getKey() > first) {
                start = near.getValue().offset();
                expected = near.getKey();
            }
            try (SegmentScanner scanner = new SegmentScanner(segments.get(i))) {
                scanner.scan(start, expected, stopAfter, (sequence, payload) -> {
                    if (sequence >= fromSequence) {
                        consumer.accept(new JournalEntry(sequence, payload));
                    }
                    return true;
                });
            }
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_BATCH_BYTES + Frame.HEADER + Frame.MAX_PAYLOAD);
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch);
            boolean stop = removeStop(batch);
            try {
                writeBatch(batch, buffer);
            } catch (IOException e) {
                failure = e;
                batch.forEach(p -> p.durable().completeExceptionally(e));
                queue.forEach(p -> {
                    if (p.durable() != null) {
                        p.durable().completeExceptionally(e);
                    }
                });
            }
            if (stop) {
                return;
            }
        }
    }

    /** Takes {@link #STOP} out of a batch, found by identity: a record's equals would compare every payload list. */
    private static boolean removeStop(List<Pending> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) == STOP) {
                batch.remove(i);
                return true;
            }
        }
        return false;
    }

    private void writeBatch(List<Pending> batch, ByteBuffer buffer) throws IOException {
        if (failure != null) {
            throw failure;
        }
        List<Long> lastSequences = new ArrayList<>(batch.size());
        buffer.clear();
        for (Pending pending : batch) {
            for (byte[] payload : pending.payloads()) {
                int frame = Frame.size(payload);
                if (segment == null
                        || segmentSize + buffer.position() + frame > segmentBytes
                                && segmentSize + buffer.position() > 0) {
                    flush(buffer);
                    roll();
                } else if (buffer.position() + frame > buffer.capacity()) {
                    flush(buffer);
                }
                if (nextSequence % INDEX_EVERY == 0) {
                    positions.put(nextSequence, new FramePosition(segmentPath, segmentSize + buffer.position()));
                }
                Frame.write(buffer, nextSequence++, payload);
            }
            lastSequences.add(nextSequence - 1);
        }
        flush(buffer);
        if (segment != null) {
            segment.force(false);
        }
        unsynced = false;
        durableSequence = nextSequence - 1;
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).durable().complete(lastSequences.get(i));
        }
    }

    /** Writes the buffer; syncs first what an earlier flush of the same batch wrote (see {@link #UNSYNCED_LIMIT}). */
    private void flush(ByteBuffer buffer) throws IOException {
        if (unsynced && segment != null) {
            segment.force(false);
        }
        unsynced = buffer.position() > 0;
        buffer.flip();
        while (buffer.hasRemaining()) {
            segmentSize += segment.write(buffer, segmentSize);
        }
        buffer.clear();
    }

    private void roll() throws IOException {
        if (segment != null) {
            segment.truncate(segmentSize);
            segment.force(true);
            segment.close();
            unsynced = false;
        }
        Path path = Segments.path(directory, nextSequence);
        segment = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentPath = path;
        segmentSize = 0;
        preallocate();
        syncDirectory();
    }

    /**
     * Gives the segment its full length up front, as a hole that reads as zeros: an append then writes inside the
     * file instead of growing it, so its sync has no file size to commit and costs less (about 190 µs against 135
     * µs a sync on this project's build machine). Zeros where a frame would start end the segment cleanly; a
     * closed or rolled segment is cut back to what was written.
     */
    private void preallocate() throws IOException {
        if (segment.size() < segmentBytes) {
            segment.write(ByteBuffer.wrap(new byte[1]), segmentBytes - 1);
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Writes and syncs everything queued, then stops the writer. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the journal", e);
        }
        if (segment != null) {
            if (failure == null) {
                segment.truncate(segmentSize);
            }
            segment.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for an append; turns its failure into the IOException that caused it. */
    public static long await(CompletableFuture<Long> durable) throws IOException {
        try {
            return durable.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }
}
