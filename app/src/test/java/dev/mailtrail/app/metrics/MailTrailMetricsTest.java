package dev.mailtrail.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story's events through the real pipeline move the counters, and the scrape is Prometheus's text format. */
class MailTrailMetricsTest {
    /** One line of the text format 0.0.4: a comment (HELP, TYPE) or a sample with optional labels. */
    private static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    private static final Pattern TYPE =
            Pattern.compile("# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)"
            + "(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*\\})?"
            + " ([-+]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");

    @TempDir
    Path data;

    @Test
    void countersMoveWithTheStorysEvents() throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        AccessEventReader reader = new AccessEventReader();
        for (String line : Files.readAllLines(Path.of("..", "examples", "bec-story.jsonl"))) {
            if (!line.isBlank()) {
                events.add(reader.read(line));
            }
        }
        MailTrailMetrics metrics = new MailTrailMetrics();
        Map<String, Double> samples;
        long made;
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "metrics test")) {
            metrics.watch(pipeline);
            assertThat(parse(metrics.scrape())).containsEntry("mailtrail_journal_lag_entries", 0.0);
            for (AuditEvent event : events) {
                pipeline.submit(event).get();
            }
            pipeline.commit();
            made = pipeline.recordsMade();
            samples = parse(metrics.scrape());
        }

        assertThat(samples).containsEntry("mailtrail_events_journaled_total", (double) events.size());
        assertThat(samples.get("mailtrail_journal_sequence")).isGreaterThanOrEqualTo(events.size());
        assertThat(samples)
                .containsEntry("mailtrail_journal_lag_entries", 0.0)
                .containsKey("mailtrail_records_stored_total{log=\"unified-audit-log\",record_type=\"ExchangeItem\"}")
                .containsKey("mailtrail_binds_total{outcome=\"recorded\"}")
                .containsKey("mailtrail_accesses_not_audited_total{reason=\"audit_bypass\"}");
        double toMailboxLog = samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith("mailtrail_records_stored_total{log=\"mailbox-audit-log\""))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(toMailboxLog).isPositive().isLessThanOrEqualTo(made);
        assertThat(samples.get("mailtrail_binds_total{outcome=\"recorded\"}")).isPositive();
    }

    /** Every line checked against the format; the samples by name and labels. */
    static Map<String, Double> parse(String exposition) {
        Map<String, Double> samples = new HashMap<>();
        assertThat(exposition).endsWith("\n");
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                assertThat(HELP.matcher(line).matches() || TYPE.matcher(line).matches())
                        .as(line)
                        .isTrue();
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            samples.put(key, Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return samples;
    }
}
