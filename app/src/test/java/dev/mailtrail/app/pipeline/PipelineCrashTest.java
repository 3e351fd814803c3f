package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * verify. Snapshots are taken at most commits, so kills also land in snapshot writes and restarts replay from them.
 * Runs {@code mailtrail.crashRuns} times (a few in the test suite; {@code ./mt bench crash} runs 50).
 */
class PipelineCrashTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("<crash-(\\d+)@contoso\\.com>");

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceAfterKillNine() throws Exception {
        int runs = Integer.getInteger("mailtrail.crashRuns", 3);
        Random random = new Random(Long.getLong("mailtrail.crashSeed", 7));
        List<long[]> acknowledged = new ArrayList<>();
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
            long[] group = null;
            int before = acknowledged.size();
            boolean killed = false;
            String line;
            // a group is acknowledged once its "acked" line is read: also a line the writer printed just before it died
            while ((line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("submitting")) {
                    group = new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
                    submitted = group[1];
                } else if (words[0].equals("acked") && group != null && Long.parseLong(words[1]) == group[1]) {
                    acknowledged.add(group);
                }
                if (!killed && acknowledged.size() > before && System.nanoTime() > killAt) {
                    writer.toHandle().destroyForcibly();
                    killed = true;
                }
            }
            writer.waitFor();
            assertThat(acknowledged.size())
                    .as(
                            "run %d acknowledged nothing; stderr: %s",
                            run, new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isGreaterThan(before);
        }

        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineCrashWriter.options(), "check")) {
            Map<Long, Integer> stored = new HashMap<>();
            pipeline.unifiedLog().export(found -> {
                Matcher matcher = MESSAGE_ID.matcher(found.auditData());
                if (matcher.find()) {
                    stored.merge(Long.parseLong(matcher.group(1)), 1, Integer::sum);
                }
                return true;
            });
            for (long[] group : acknowledged) {
                for (long n = group[0]; n <= group[1]; n++) {
                    assertThat(stored.get(n)).as("event %d was acknowledged", n).isEqualTo(1);
                }
            }
            assertThat(stored.values()).as("no record twice").allMatch(count -> count == 1);
            long lastSubmitted = submitted;
            assertThat(stored.keySet()).allMatch(n -> n <= lastSubmitted);
            assertThat(pipeline.unifiedLog().verify().intact()).isTrue();
            assertThat(pipeline.mailboxLog().verify().intact()).isTrue();
        }
    }
}
