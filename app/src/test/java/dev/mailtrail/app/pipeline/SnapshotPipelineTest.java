package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.store.log.AuditLogSearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots in a data directory: opening from one, falling back past a damaged one, and a journal kept bounded. */
class SnapshotPipelineTest {
    private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");
    private static final String INSTALLATION = "00000000-0000-0000-0000-0000000000aa";
    private static final long SEGMENT = 64 * 1024;

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void aRestartAfterASnapshotReplaysOnlyTheTailAndMakesTheRecordsOfAFullReplay() throws Exception {
        List<AuditEvent> events = events(5, 2_000);
        List<AuditEvent> first = events.subList(0, 1_200);
        List<AuditEvent> rest = events.subList(1_200, events.size());
        Path live = fresh("live");
        Path image = data.resolve("image");
        Path replayed = data.resolve("replayed");
        try (AuditPipeline pipeline = open(live, snapshotEveryCommit())) {
            pipeline.submitAll(first).get();
            pipeline.commit();
            pipeline.submitAll(rest).get();
            pipeline.statistics();
            // what a crash here leaves: the snapshot of the commit, and a journal that goes on after it
            copy(live, image);
            copy(live, replayed);
        }
        deleteSnapshots(replayed);
        try (AuditPipeline fromSnapshot = open(image, snapshotEveryCommit());
                AuditPipeline fromJournal = open(replayed, snapshotEveryCommit())) {
            assertThat(fromSnapshot.replayedEntries()).isEqualTo(rest.size());
            assertThat(fromJournal.replayedEntries()).isEqualTo(events.size());
        }
        assertThat(records(image)).isNotEmpty().isEqualTo(records(replayed)).isEqualTo(records(live));
    }

    @Test
    void aDamagedSnapshotFallsBackToThePreviousOneAndSaysSo() throws Exception {
        List<AuditEvent> events = events(6, 1_500);
        Path live = fresh("live");
        try (AuditPipeline pipeline = open(live, snapshotEveryCommit())) {
            for (int i = 0; i < events.size(); i += 500) {
                pipeline.submitAll(events.subList(i, i + 500)).get();
                pipeline.commit();
            }
        }
        List<String> expected = records(live);
        List<Path> snapshots = new CoreSnapshots(live, 2).files();
        assertThat(snapshots).hasSizeGreaterThanOrEqualTo(2);
        byte[] newest = Files.readAllBytes(snapshots.get(0));
        newest[newest.length / 2] ^= 0x20;
        Files.write(snapshots.get(0), newest);
        ByteArrayOutputStream notices = new ByteArrayOutputStream();
        try (AuditPipeline pipeline = AuditPipeline.open(
                live, clock, snapshotEveryCommit(), "test", new PrintStream(notices, true, StandardCharsets.UTF_8))) {
            assertThat(pipeline.replayedEntries())
                    .isEqualTo(CoreSnapshots.sequenceOf(snapshots.get(0)) - CoreSnapshots.sequenceOf(snapshots.get(1)));
        }
        assertThat(notices.toString(StandardCharsets.UTF_8))
                .contains(snapshots.get(0).toString(), "is damaged", "checksum mismatch", "falling back");
        assertThat(records(live)).isEqualTo(expected);
    }

    @Test
    void aSnapshotCutShortIsPassedOverAndNoneValidReplaysTheWholeJournal() throws Exception {
        Path live = fresh("live");
        try (AuditPipeline pipeline = open(live, snapshotEveryCommit())) {
            pipeline.submitAll(events(7, 600)).get();
        }
        List<String> expected = records(live);
        for (Path snapshot : new CoreSnapshots(live, 2).files()) {
            byte[] bytes = Files.readAllBytes(snapshot);
            Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        }
        try (AuditPipeline pipeline = open(live, snapshotEveryCommit())) {
            assertThat(pipeline.replayedEntries())
                    .as("the journal from its start")
                    .isGreaterThanOrEqualTo(600);
        }
        assertThat(records(live)).isEqualTo(expected);
    }

    @Test
    void journalSegmentsGoOnlyOnceCoveredAndWhatIsKeptReopensToTheSameRecords() throws Exception {
        List<AuditEvent> events = events(8, 4_000);
        Path trimmed = fresh("trimmed");
        Path whole = fresh("whole");
        PipelineOptions bounded = snapshotEveryCommit()
                .withSnapshots(snapshotEveryCommit().snapshots().withJournalTailBytes(2 * SEGMENT));
        PipelineOptions unbounded = snapshotEveryCommit()
                .withSnapshots(snapshotEveryCommit().snapshots().withJournalTailBytes(Long.MAX_VALUE));
        try (AuditPipeline small = open(trimmed, bounded);
                AuditPipeline all = open(whole, unbounded)) {
            for (int i = 0; i < events.size(); i += 400) {
                List<AuditEvent> group = events.subList(i, i + 400);
                small.submitAll(group).get();
                all.submitAll(group).get();
                small.commit();
                all.commit();
                long firstKept = firstSequence(trimmed);
                long newestSnapshot = CoreSnapshots.sequenceOf(
                        new CoreSnapshots(trimmed, 2).files().getFirst());
                assertThat(firstKept - 1)
                        .as("nothing goes that the newest snapshot and the stores do not cover")
                        .isLessThanOrEqualTo(Math.min(newestSnapshot, small.appliedSequence()));
            }
        }
        assertThat(firstSequence(trimmed)).as("segments were deleted").isGreaterThan(1);
        assertThat(firstSequence(whole)).isEqualTo(1);
        assertThat(journalBytes(trimmed))
                .as("the tail, the segment being written and what came after the last snapshot")
                .isLessThanOrEqualTo(4 * SEGMENT);
        assertThat(journalBytes(whole)).isGreaterThan(8 * SEGMENT);
        assertThat(records(trimmed)).isNotEmpty().isEqualTo(records(whole));

        deleteSnapshots(trimmed);
        assertThatThrownBy(() -> open(trimmed, bounded).close())
                .isInstanceOf(JournalTrimmedException.class)
                .hasMessageContaining("begins at sequence " + firstSequence(trimmed))
                .hasMessageContaining("only be rebuilt from a journal that starts at sequence 1");
    }

    private PipelineOptions snapshotEveryCommit() {
        return PipelineOptions.defaults()
                .withSnapshots(SnapshotPolicy.defaults().withEntries(1).withSegmentBytes(SEGMENT));
    }

    private AuditPipeline open(Path directory, PipelineOptions options) throws IOException {
        return AuditPipeline.open(directory, clock, options, "test");
    }

    private Path fresh(String name) throws IOException {
        Path directory = Files.createDirectories(data.resolve(name));
        Files.writeString(directory.resolve(RecordIds.FILE), INSTALLATION + "\n");
        return directory;
    }

    private static List<AuditEvent> events(long seed, int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (PipelineEntry entry : RandomEntries.of(seed, count * 2, false)) {
            if (entry instanceof PipelineEntry.Event event && events.size() < count) {
                events.add(event.event());
            }
        }
        return events;
    }

    /** Every record of both logs, as stored (Id and AuditData), after opening and closing the directory. */
    private List<String> records(Path directory) throws Exception {
        List<String> records = new ArrayList<>();
        try (AuditPipeline pipeline = open(directory, snapshotEveryCommit())) {
            add(pipeline.mailboxLog(), records);
            records.add("--");
            add(pipeline.unifiedLog(), records);
        }
        return records;
    }

    private static void add(AuditLogSearch log, List<String> records) throws Exception {
        log.export(found -> records.add(found.auditData()));
    }

    private static long firstSequence(Path directory) throws IOException {
        Path file = directory.resolve(AuditPipeline.JOURNAL).resolve("first-sequence");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 1;
    }

    private static long journalBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(AuditPipeline.JOURNAL))) {
            return files.filter(p -> p.toString().endsWith(".journal"))
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void deleteSnapshots(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(CoreSnapshots.DIRECTORY))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                String name = source.getFileName().toString();
                if (name.equals("mailtrail.lock") || name.equals("mailtrail.sock")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
