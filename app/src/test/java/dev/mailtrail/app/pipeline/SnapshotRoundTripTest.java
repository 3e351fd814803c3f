package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A core restored from a snapshot goes on exactly as the core it was taken from: over random journals, cut at random
 * places, the records made before the cut and after it from the snapshot equal those of one replay from the start —
 * same Ids, same content, same order.
 */
class SnapshotRoundTripTest {
    @TempDir
    Path data;

    @Test
    void aCoreRestoredFromASnapshotMakesTheRecordsOfAFullReplay() throws Exception {
        Files.writeString(data.resolve(RecordIds.FILE), "00000000-0000-0000-0000-000000000042\n");
        for (long seed = 1; seed <= 40; seed++) {
            roundTrips(seed, RandomEntries.of(seed, 3_000, seed % 2 == 0));
        }
    }

    @Test
    void aThrottledCoreRestoredFromASnapshotThrottlesAsAFullReplayDoes() throws Exception {
        Files.writeString(data.resolve(RecordIds.FILE), "00000000-0000-0000-0000-000000000042\n");
        for (long seed = 100; seed <= 102; seed++) {
            roundTrips(seed, RandomEntries.of(seed, 20_000, true));
        }
    }

    /** Cuts the journal at two random places and at its end; each time the records must equal a full replay's. */
    private void roundTrips(long seed, List<PipelineEntry> entries) throws Exception {
        List<AuditRecord> full = replay(entries, new ArrayList<>());
        SplittableRandom random = new SplittableRandom(seed);
        for (int cut : List.of(random.nextInt(entries.size()), random.nextInt(entries.size()), entries.size())) {
            List<AuditRecord> restored = new ArrayList<>();
            JournalDrivenCore before = core(restored);
            entries.subList(0, cut).forEach(before::apply);
            CoreSnapshots snapshots = new CoreSnapshots(data.resolve("seed-" + seed + "-cut-" + cut), 2);
            snapshots.write(cut, restored.size(), Instant.EPOCH, before.sections());
            JournalDrivenCore after = core(restored);
            CoreSnapshots.restore(CoreSnapshots.load(snapshots.files().getFirst()), after.sections());
            assertThat(after.generator().statistics())
                    .as("seed %d cut at %d", seed, cut)
                    .isEqualTo(before.generator().statistics());
            entries.subList(cut, entries.size()).forEach(after::apply);
            assertThat(restored).as("seed %d cut at %d", seed, cut).isEqualTo(full);
        }
    }

    @Test
    void theRandomJournalsExerciseWindowsDeduplicationAndThrottling() throws Exception {
        Files.writeString(data.resolve(RecordIds.FILE), "00000000-0000-0000-0000-000000000042\n");
        JournalDrivenCore core = core(new ArrayList<>());
        RandomEntries.of(3, 20_000, true).forEach(core::apply);
        var statistics = core.generator().statistics();
        assertThat(statistics.bindsDeduplicated()).isPositive();
        assertThat(statistics.syncsDeduplicated()).isPositive();
        assertThat(statistics.folderBindsDeduplicated()).isPositive();
        assertThat(statistics.bindsRecorded()).isPositive();
        assertThat(statistics.throttledRecords()).isPositive();
    }

    private List<AuditRecord> replay(List<PipelineEntry> entries, List<AuditRecord> records) throws IOException {
        JournalDrivenCore core = core(records);
        entries.forEach(core::apply);
        return records;
    }

    private JournalDrivenCore core(List<AuditRecord> records) throws IOException {
        return new JournalDrivenCore(RecordIds.of(data), (record, organization) -> records.add(record), loss -> {});
    }
}
