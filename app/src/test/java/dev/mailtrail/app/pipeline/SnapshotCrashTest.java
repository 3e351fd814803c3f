package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.app.process.MtProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process while it writes snapshots (SIGKILL at a random moment, a few times over): every snapshot file left
 * in place reads back whole with its checksum and is taken up by a new core, and the newest covers at least what the
 * writer last said was written. A snapshot cut short by the kill is only ever a temporary file.
 */
class SnapshotCrashTest {
    @TempDir
    Path data;

    @Test
    void aKillDuringASnapshotWriteLeavesTheSnapshotsBeforeItWhole() throws Exception {
        Random random = new Random(Long.getLong("mailtrail.crashSeed", 7));
        long next = 1;
        for (int run = 0; run < 3; run++) {
            Process writer = MtProcess.start(
                    data, "class:" + SnapshotCrashWriter.class.getName(), data.toString(), Long.toString(next));
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(400));
            long written = -1;
            String line;
            while ((line = lines.readLine()) != null) {
                written = Long.parseLong(line.split(" ")[1]);
                if (System.nanoTime() > killAt) {
                    writer.toHandle().destroyForcibly();
                    break;
                }
            }
            writer.waitFor();
            assertThat(written)
                    .as(
                            "run %d wrote nothing; stderr: %s",
                            run, new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isPositive();
            List<Path> files = new CoreSnapshots(data, 2).files();
            assertThat(files).isNotEmpty();
            assertThat(CoreSnapshots.sequenceOf(files.getFirst())).isGreaterThanOrEqualTo(written);
            for (Path file : files) {
                CoreSnapshots.Loaded loaded = CoreSnapshots.load(file);
                JournalDrivenCore core =
                        new JournalDrivenCore(RecordIds.of(data), (record, organization) -> {}, loss -> {});
                CoreSnapshots.restore(loaded, core.sections());
                assertThat(core.generator().statistics().events()).isPositive();
            }
            next = CoreSnapshots.sequenceOf(files.getFirst()) + 1;
        }
    }
}
