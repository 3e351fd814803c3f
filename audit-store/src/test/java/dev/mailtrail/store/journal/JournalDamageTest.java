package dev.mailtrail.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage at every position class — a segment boundary, a missing segment, the middle of the last segment — stops
 * the open with file and offset; only an unacknowledged tail is cut. A repair moves the damage aside, never deletes
 * it, and the journal goes on after its last good frame. Verification reads the same.
 */
class JournalDamageTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedFrameAtTheEndOfAnEarlierSegmentIsNamedAndRepairMovesTheRestAside() throws IOException {
        write(100, 10);
        List<Path> segments = Segments.list(dir);
        assertThat(segments).hasSizeGreaterThan(2);
        Path first = segments.get(0);
        long size = Files.size(first);
        flip(first, size - 1); // the last byte before the boundary

        JournalCorruptException found = refused();
        assertThat(found.segment()).isEqualTo(first);
        assertThat(found.getMessage()).contains(first.toString()).contains("at byte");
        assertThat(JournalVerifier.verify(dir).damage())
                .singleElement()
                .asString()
                .contains(first.toString());

        JournalRepair.Damage damage = JournalRepair.moveAside(found, dir.resolve("aside"));
        assertThat(damage.segmentsMoved()).isEqualTo(segments.size() - 1);
        assertThat(damage.firstLostSequence()).isEqualTo(found.expectedSequence());
        assertThat(Files.list(dir.resolve("aside")).count()).isEqualTo(segments.size());
        try (EventJournal journal = EventJournal.open(dir, 100)) {
            assertThat(journal.recovery().nextSequence()).isEqualTo(damage.firstLostSequence());
            assertThat(EventJournal.await(journal.append(bytes("after")))).isEqualTo(damage.firstLostSequence());
        }
        assertThat(JournalVerifier.verify(dir).intact()).isTrue();
    }

    @Test
    void aMissingSegmentIsNamedWithTheSequencesItHeld() throws IOException {
        write(100, 10);
        List<Path> segments = Segments.list(dir);
        Files.delete(segments.get(1));

        JournalCorruptException found = refused();
        assertThat(found.segment()).isEqualTo(segments.get(2));
        assertThat(found.getMessage()).contains("a segment is missing");
        assertThat(JournalVerifier.verify(dir).damage())
                .singleElement()
                .asString()
                .contains("missing");
        JournalRepair.Damage damage = JournalRepair.moveAside(found, dir.resolve("aside"));
        assertThat(damage.firstLostSequence()).isEqualTo(Segments.firstSequence(segments.get(1)));
        EventJournal.open(dir, 100).close();
    }

    @Test
    void aBadFrameWithValidFramesFarBeyondItIsDamageNotATornTail() throws IOException {
        // more than the writer can have left unsynced follows the bad frame: it was durable, so acknowledged
        byte[] event = new byte[64 * 1024];
        long frames = EventJournal.UNSYNCED_LIMIT / event.length + 20;
        try (EventJournal journal = EventJournal.open(dir)) {
            List<byte[]> all = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                all.add(event);
            }
            EventJournal.await(journal.appendAll(all));
        }
        Path segment = Segments.list(dir).get(0);
        flip(segment, Frame.HEADER + 10);

        JournalCorruptException found = refused(dir, EventJournal.DEFAULT_SEGMENT_BYTES);
        assertThat(found.offset()).isZero();
        assertThat(found.getMessage()).contains("not a torn tail");
        assertThat(Files.size(segment)).as("nothing cut").isEqualTo(frames * (Frame.HEADER + event.length));
    }

    @Test
    void aTornTailIsKeptAsideBeforeItIsCut() throws IOException {
        write(EventJournal.DEFAULT_SEGMENT_BYTES, 3);
        Path segment = Segments.list(dir).get(0);
        long whole = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(whole);
            file.write(new byte[] {0, 0, 0, 40, 9, 9, 9});
        }
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(journal.recovery().tornBytes()).isEqualTo(7);
        }
        assertThat(Files.readAllBytes(dir.resolve(JournalRecovery.TORN).resolve(segment.getFileName() + "." + whole)))
                .containsExactly(0, 0, 0, 40, 9, 9, 9);
    }

    private void write(long segmentBytes, int events) throws IOException {
        try (EventJournal journal = EventJournal.open(dir, segmentBytes)) {
            for (int i = 0; i < events; i++) {
                EventJournal.await(journal.append(bytes("event number " + i)));
            }
        }
    }

    private JournalCorruptException refused() {
        return refused(dir, 100);
    }

    private static JournalCorruptException refused(Path dir, long segmentBytes) {
        JournalCorruptException[] found = new JournalCorruptException[1];
        assertThatThrownBy(() -> EventJournal.open(dir, segmentBytes))
                .isInstanceOfSatisfying(JournalCorruptException.class, e -> found[0] = e);
        return found[0];
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5a);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
