package dev.mailtrail.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is appending (SIGKILL, at random moments) and checks after each restart that every
 * event acknowledged before the kill is there, once, in order, and that appending goes on. The bench command
 * runs this many more times; CI runs a few.
 */
class JournalCrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventSurvivesKillNine() throws Exception {
        Random random = new Random(42);
        long acknowledged = 0;
        for (int run = 0; run < 5; run++) {
            Process writer = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            JournalCrashWriter.class.getName(),
                            dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long lastAck = 0;
            try (BufferedReader acks =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                long killAfter = 200 + random.nextInt(2_000);
                String line;
                int seen = 0;
                while ((line = acks.readLine()) != null) {
                    lastAck = Long.parseLong(line.trim());
                    if (++seen >= killAfter) {
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
            writer.waitFor(30, TimeUnit.SECONDS);
            assertThat(lastAck).as("run %d acknowledged events", run).isGreaterThan(acknowledged);
            acknowledged = lastAck;

            try (EventJournal journal = EventJournal.open(dir)) {
                List<Long> sequences = new ArrayList<>();
                journal.read(1, entry -> {
                    sequences.add(entry.sequence());
                    assertThat(new String(entry.payload(), StandardCharsets.UTF_8))
                            .isEqualTo(JournalCrashWriter.payload(entry.sequence()));
                });
                assertThat(sequences.size()).as("events after run %d", run).isGreaterThanOrEqualTo((int) lastAck);
                for (int i = 0; i < sequences.size(); i++) {
                    assertThat(sequences.get(i)).isEqualTo(i + 1L);
                }
            }
        }
    }
}
