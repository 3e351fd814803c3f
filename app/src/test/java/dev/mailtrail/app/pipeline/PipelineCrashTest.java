package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is ingesting (SIGKILL at a random moment, many times over) and checks after each restart:
 * every event acknowledged before a kill is in the stores exactly once, no record is there twice, and both stores
 * verify. Runs {@code mailtrail.crashRuns} times (a few in the test suite; the crash bench runs 50).
 */
class PipelineCrashTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("<crash-(\\d+)@contoso\\.com>");

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceAfterKillNine() throws Exception {
        int runs = Integer.getInteger("mailtrail.crashRuns", 3);
        Random random = new Random(Long.getLong("mailtrail.crashSeed", 7));
        long acked = 0;
        long submitted = 0;
        for (int run = 0; run < runs; run++) {
            Process writer = MtProcess.start(
                    data,
                    "class:" + PipelineCrashWriter.class.getName(),
                    data.toString(),
                    Long.toString(submitted + 1));
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1_500));
            boolean started = false;
            String line;
            while ((line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("submitting")) {
                    submitted = Long.parseLong(words[2]);
                } else if (words[0].equals("acked")) {
                    acked = Long.parseLong(words[1]);
                    started = true;
                }
                if (started && System.nanoTime() > killAt) {
                    writer.toHandle().destroyForcibly();
                    break;
                }
            }
            // what the writer printed before it died still counts
            while ((line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("acked")) {
                    acked = Long.parseLong(words[1]);
                } else if (words[0].equals("submitting")) {
                    submitted = Long.parseLong(words[2]);
                }
            }
            writer.waitFor();
            assertThat(started)
                    .as(
                            "run %d: the writer acknowledged nothing; stderr: %s",
                            run, new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isTrue();
        }

        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "check")) {
            Map<Long, Integer> stored = new HashMap<>();
            pipeline.unifiedLog().export(found -> {
                Matcher matcher = MESSAGE_ID.matcher(found.auditData());
                if (matcher.find()) {
                    stored.merge(Long.parseLong(matcher.group(1)), 1, Integer::sum);
                }
                return true;
            });
            for (long n = 1; n <= acked; n++) {
                assertThat(stored.get(n)).as("event %d was acknowledged", n).isEqualTo(1);
            }
            assertThat(stored.values()).as("no record twice").allMatch(count -> count == 1);
            long lastSubmitted = submitted;
            assertThat(stored.keySet()).allMatch(n -> n <= lastSubmitted);
            assertThat(pipeline.unifiedLog().verify().intact()).isTrue();
            assertThat(pipeline.mailboxLog().verify().intact()).isTrue();
        }
    }
}
