package dev.mailtrail.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting the segments snapshots and stores cover: only whole covered segments, a tail kept, and a start kept. */
class JournalTrimTest {
    private static final long SEGMENT = 4 * 1024;

    @TempDir
    Path directory;

    @Test
    void onlyWholeCoveredSegmentsGoAndTheTailStays() throws Exception {
        try (EventJournal journal = EventJournal.open(directory, SEGMENT)) {
            append(journal, 1_000);
            List<Path> segments = Segments.list(directory);
            assertThat(segments).hasSizeGreaterThan(6);
            long thirdStarts = Segments.firstSequence(segments.get(3));

            EventJournal.Trim none = journal.deleteCoveredSegments(thirdStarts - 2, 0);
            assertThat(none.segmentsDeleted())
                    .as("segment 2 still holds an entry after the cover")
                    .isEqualTo(2);
            assertThat(journal.firstSequence()).isEqualTo(Segments.firstSequence(segments.get(2)));

            EventJournal.Trim withTail = journal.deleteCoveredSegments(900, 2 * SEGMENT);
            assertThat(withTail.segmentsDeleted()).isPositive();
            long covered = 0;
            for (Path segment : Segments.list(directory)) {
                if (Segments.firstSequence(segment) <= 900) {
                    covered += Files.size(segment);
                }
            }
            assertThat(covered).as("the covered tail kept").isGreaterThanOrEqualTo(2 * SEGMENT - SEGMENT);
            int before = Segments.list(directory).size();
            assertThat(journal.deleteCoveredSegments(Long.MAX_VALUE, 0).segmentsDeleted())
                    .as("the segment being written never goes")
                    .isEqualTo(before - 1);
            assertThat(Segments.list(directory)).hasSize(1);

            List<Long> read = new ArrayList<>();
            journal.read(1, entry -> read.add(entry.sequence()));
            assertThat(read.getFirst()).isEqualTo(journal.firstSequence());
            assertThat(read.getLast()).isEqualTo(1_000);
        }
        try (EventJournal reopened = EventJournal.open(directory, SEGMENT)) {
            assertThat(reopened.durableSequence()).isEqualTo(1_000);
            assertThat(reopened.firstSequence()).isGreaterThan(1);
            assertThat(JournalVerifier.verify(directory).intact()).isTrue();
            assertThat(JournalVerifier.verify(directory).firstSequence()).isEqualTo(reopened.firstSequence());
        }
    }

    @Test
    void aFirstSegmentMissingAfterTheStartIsStillDamage() throws Exception {
        try (EventJournal journal = EventJournal.open(directory, SEGMENT)) {
            append(journal, 600);
            journal.deleteCoveredSegments(300, 0);
        }
        Files.delete(Segments.list(directory).getFirst());
        assertThatThrownBy(() -> EventJournal.open(directory, SEGMENT).close())
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("a segment is missing");
        assertThat(JournalVerifier.verify(directory).intact()).isFalse();
    }

    @Test
    void aTrimACrashInterruptedIsFinishedAtTheNextOpen() throws Exception {
        long start;
        try (EventJournal journal = EventJournal.open(directory, SEGMENT)) {
            append(journal, 600);
            start = Segments.firstSequence(Segments.list(directory).get(3));
        }
        // the start is made durable before any segment goes: a crash right after it leaves them all
        JournalStart.write(directory, start);
        assertThat(JournalVerifier.verify(directory).intact()).isTrue();
        try (EventJournal reopened = EventJournal.open(directory, SEGMENT)) {
            assertThat(reopened.firstSequence()).isEqualTo(start);
            assertThat(Segments.firstSequence(Segments.list(directory).getFirst()))
                    .isEqualTo(start);
            assertThat(reopened.durableSequence()).isEqualTo(600);
        }
    }

    @Test
    void aReadAfterReopeningStartsWhereItIsAsked() throws Exception {
        try (EventJournal journal = EventJournal.open(directory)) {
            List<byte[]> events = new ArrayList<>();
            for (int i = 1; i <= 10_000; i++) {
                events.add(("event " + i).getBytes());
            }
            EventJournal.await(journal.appendAll(events));
        }
        try (EventJournal reopened = EventJournal.open(directory)) {
            List<String> read = new ArrayList<>();
            reopened.read(9_000, entry -> read.add(entry.sequence() + " " + new String(entry.payload())));
            assertThat(read).hasSize(1_001).startsWith("9000 event 9000").endsWith("10000 event 10000");
        }
    }

    private static void append(EventJournal journal, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            EventJournal.await(journal.append(("event " + i + " ".repeat(40)).getBytes()));
        }
    }
}
