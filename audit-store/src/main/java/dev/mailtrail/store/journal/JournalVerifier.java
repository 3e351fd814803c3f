package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal's every frame without changing anything (beside a process that may be appending to it): checksums,
 * sequence numbers contiguous from 1 across segments, no segment missing. A bad end of the last segment within
 * {@link EventJournal#UNSYNCED_LIMIT} of the last valid frame is an unacknowledged tail (or an append in progress),
 * reported but not counted as damage; anything else is damage, named with file and offset.
 */
public final class JournalVerifier {
    private JournalVerifier() {}

    /**
     * What the journal holds.
     *
     * @param segments segment files read
     * @param lastSequence the last sequence number read back (0 if none)
     * @param damage each damage found, with file and offset
     * @param tornTail a note on an unacknowledged tail, or null
     */
    public record Report(int segments, long lastSequence, List<String> damage, String tornTail, long firstSequence) {
        public Report(int segments, long lastSequence, List<String> damage, String tornTail) {
            this(segments, lastSequence, damage, tornTail, 1);
        }

        public boolean intact() {
            return damage.isEmpty();
        }
    }

    /** What {@link #verify(Path, FrameVisitor)} hands on: each frame read back, in sequence order. */
    @FunctionalInterface
    public interface FrameVisitor {
        void visit(JournalEntry entry) throws IOException;
    }

    public static Report verify(Path directory) throws IOException {
        return verify(directory, entry -> {});
    }

    /**
     * As {@link #verify(Path)}, handing {@code visitor} every frame from sequence 1 up to the first damage or gap (what
     * follows a damage cannot be read in order, so it is reported and not visited).
     */
    public static Report verify(Path directory, FrameVisitor visitor) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new Report(0, 0, List.of(), null);
        }
        List<Path> segments = new ArrayList<>(Segments.list(directory));
        long start = JournalStart.read(directory);
        while (segments.size() > 1 && Segments.firstSequence(segments.get(1)) <= start) {
            // left by a trim a crash interrupted; the next open deletes them
            segments.removeFirst();
        }
        List<String> damage = new ArrayList<>();
        String torn = null;
        long first = start;
        long expected = first;
        boolean previousDamaged = false;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            long starts = Segments.firstSequence(segment);
            if (starts != expected && !previousDamaged) {
                damage.add(segment + " at byte 0: segment starts at sequence " + starts + ", expected " + expected
                        + (starts > expected ? " (sequences " + expected + "–" + (starts - 1) + " missing)" : ""));
            }
            expected = starts;
            previousDamaged = false;
            boolean last = i == segments.size() - 1;
            try (SegmentScanner scanner = new SegmentScanner(segment)) {
                boolean inOrder = damage.isEmpty();
                SegmentScanner.End end = scanner.scan(expected, Long.MAX_VALUE, (sequence, payload) -> {
                    if (inOrder) {
                        visitor.visit(new JournalEntry(sequence, payload));
                    }
                    return true;
                });
                long beyond = last
                        ? scanner.nextValidFrame(end.validBytes() + EventJournal.UNSYNCED_LIMIT + 1, end.nextSequence())
                        : -1;
                boolean far = beyond >= 0;
                if (!last && !end.clean()) {
                    previousDamaged = true;
                    damage.add(segment + " at byte " + end.validBytes() + ": damaged frame (sequence "
                            + end.nextSequence() + ") before the last segment");
                } else if (far) {
                    damage.add(segment + " at byte " + end.validBytes() + ": damaged frame (sequence "
                            + end.nextSequence() + ") with valid frames after it at byte " + beyond);
                } else if (!end.clean()) {
                    torn = segment + " at byte " + end.validBytes()
                            + ": an unacknowledged tail (or an append in progress), cut at the next open";
                }
                expected = end.nextSequence();
            } catch (JournalCorruptException e) {
                previousDamaged = true;
                damage.add(e.getMessage());
            }
        }
        return new Report(segments.size(), expected - 1, List.copyOf(damage), torn, first);
    }
}
