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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    @TempDir
    Path dir;

    @Test
    void aReadFromDeepInsideSegmentsReturnsExactlyTheRangeAskedFor() throws Exception {
        try (EventJournal journal = EventJournal.open(dir, 64 * 1024)) {
            List<byte[]> events = new java.util.ArrayList<>();
            for (int i = 1; i <= 20_000; i++) {
                events.add(("event " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            EventJournal.await(journal.appendAll(events));

            List<String> read = new java.util.ArrayList<>();
            journal.read(
                    12_285,
                    12_290,
                    entry -> read.add(entry.sequence() + "="
                            + new String(entry.payload(), java.nio.charset.StandardCharsets.UTF_8)));

            assertThat(read)
                    .containsExactly(
                            "12285=event 12285",
                            "12286=event 12286",
                            "12287=event 12287",
                            "12288=event 12288",
                            "12289=event 12289",
                            "12290=event 12290");
            List<Long> tail = new java.util.ArrayList<>();
            journal.read(19_999, entry -> tail.add(entry.sequence()));
            assertThat(tail).containsExactly(19_999L, 20_000L);
        }
    }

    @Test
    void appendsAreReadBackInOrderAfterReopening() throws IOException {
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(EventJournal.await(journal.append(bytes("a")))).isEqualTo(1);
            assertThat(EventJournal.await(journal.appendAll(List.of(bytes("b"), bytes("c")))))
                    .isEqualTo(3);
        }
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(read(journal, 1)).containsExactly("a", "b", "c");
            assertThat(read(journal, 2)).containsExactly("b", "c");
            assertThat(EventJournal.await(journal.append(bytes("d")))).isEqualTo(4);
            assertThat(journal.recovery().tornBytes()).isZero();
        }
    }

    @Test
    void concurrentAppendersEachGetTheirOwnGapFreeSequence() throws Exception {
        int writers = 8;
        int each = 2_000;
        List<Long> sequences = new ArrayList<>();
        try (EventJournal journal = EventJournal.open(dir);
                ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<CompletableFuture<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            List<Long> mine = new ArrayList<>();
                            for (int i = 0; i < each; i++) {
                                mine.add(journal.append(bytes(writer + ":" + i)).join());
                            }
                            return mine;
                        },
                        pool));
            }
            for (CompletableFuture<List<Long>> result : results) {
                List<Long> mine = result.join();
                assertThat(mine).isSorted();
                sequences.addAll(mine);
            }
            assertThat(journal.durableSequence()).isEqualTo((long) writers * each);
        }
        assertThat(sequences).doesNotHaveDuplicates().hasSize(writers * each);
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(read(journal, 1)).hasSize(writers * each);
        }
    }

    @Test
    void segmentsRollAndReadingSpansThem() throws IOException {
        try (EventJournal journal = EventJournal.open(dir, 1_000)) {
            for (int i = 0; i < 100; i++) {
                EventJournal.await(journal.append(bytes("event number " + i)));
            }
        }
        assertThat(Segments.list(dir)).hasSizeGreaterThan(3);
        try (EventJournal journal = EventJournal.open(dir, 1_000)) {
            List<String> all = read(journal, 1);
            assertThat(all).hasSize(100).startsWith("event number 0").endsWith("event number 99");
            assertThat(read(journal, 57)).first().isEqualTo("event number 56");
        }
    }

    @Test
    void aTornTailIsCutOffAndAppendsContinueAfterTheLastWholeEvent() throws IOException {
        try (EventJournal journal = EventJournal.open(dir)) {
            EventJournal.await(journal.appendAll(List.of(bytes("one"), bytes("two"))));
        }
        Path segment = Segments.list(dir).get(0);
        long whole = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(whole);
            file.write(new byte[] {0, 0, 0, 40, 1, 2, 3});
        }

        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(journal.recovery().tornBytes()).isEqualTo(7);
            assertThat(EventJournal.await(journal.append(bytes("three")))).isEqualTo(3);
            assertThat(read(journal, 1)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void aSegmentLeftAtItsPreallocatedLengthByACrashReopensWithEveryEvent() throws IOException {
        Path crashed = dir.resolve("crashed");
        try (EventJournal journal = EventJournal.open(dir.resolve("live"), 64 * 1024)) {
            EventJournal.await(journal.appendAll(List.of(bytes("one"), bytes("two"))));
            // what a kill -9 leaves: the segment as it is on disk while the journal is open
            Path live = Segments.list(dir.resolve("live")).get(0);
            assertThat(Files.size(live)).as("preallocated").isEqualTo(64 * 1024);
            Files.createDirectories(crashed);
            Files.copy(live, crashed.resolve(live.getFileName()));
        }
        try (EventJournal journal = EventJournal.open(crashed, 64 * 1024)) {
            assertThat(journal.recovery().tornBytes()).isZero();
            assertThat(journal.recovery().nextSequence()).isEqualTo(3);
            assertThat(EventJournal.await(journal.append(bytes("three")))).isEqualTo(3);
        }
        try (EventJournal journal = EventJournal.open(crashed, 64 * 1024)) {
            assertThat(read(journal, 1)).containsExactly("one", "two", "three");
        }
        assertThat(Files.size(Segments.list(crashed).get(0)))
                .as("a closed segment is cut back to what was written")
                .isEqualTo(3 * Frame.HEADER + "onetwothree".length());
    }

    @Test
    void framesBeyondAGapOfZerosNeverComeBackAsEvents() throws IOException {
        try (EventJournal journal = EventJournal.open(dir)) {
            EventJournal.await(journal.append(bytes("one")));
        }
        Path segment = Segments.list(dir).get(0);
        long whole = Files.size(segment);
        // an unsynced batch whose later page reached the disk and whose first did not: zeros, then a whole frame
        java.nio.ByteBuffer stale = java.nio.ByteBuffer.allocate(Frame.HEADER + 5);
        Frame.write(stale, 3, bytes("stale"));
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(whole + Frame.HEADER + "two".length());
            file.write(stale.array());
        }

        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(EventJournal.await(journal.append(bytes("two")))).isEqualTo(2);
        }
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThat(read(journal, 1)).containsExactly("one", "two");
            assertThat(EventJournal.await(journal.append(bytes("three")))).isEqualTo(3);
            assertThat(read(journal, 1)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void aFlippedBitInAnEarlierSegmentIsReportedWithFileAndOffsetNotRepaired() throws IOException {
        try (EventJournal journal = EventJournal.open(dir, 100)) {
            for (int i = 0; i < 10; i++) {
                EventJournal.await(journal.append(bytes("event " + i)));
            }
        }
        Path first = Segments.list(dir).get(0);
        try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "rw")) {
            file.seek(Frame.HEADER + 2);
            file.write('X');
        }

        assertThatThrownBy(() -> EventJournal.open(dir, 100))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("at byte 0");
    }

    @Test
    void anEventOverTheSizeLimitIsRefusedAndTheJournalGoesOn() throws IOException {
        try (EventJournal journal = EventJournal.open(dir)) {
            assertThatThrownBy(() -> EventJournal.await(journal.append(new byte[Frame.MAX_PAYLOAD + 1])))
                    .hasMessageContaining("over the journal's limit");
            assertThat(EventJournal.await(journal.append(bytes("fine")))).isEqualTo(1);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> read(EventJournal journal, long from) throws IOException {
        List<String> events = new ArrayList<>();
        journal.read(from, entry -> events.add(new String(entry.payload(), StandardCharsets.UTF_8)));
        return events;
    }
}
