package dev.mailtrail.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.app.cluster.ClusterFlush;
import dev.mailtrail.app.cluster.ClusterPipeline;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.core.generate.AuditStatistics;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.format.event.EventFormatException;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A scenario run through the clustered pipeline (decision 0033) instead of {@code mt replay}: its events journaled to
 * a Kafka topic of its own (keyed by mailbox, over several partitions), applied by audit cores of a consumer group,
 * stored in OpenSearch indexes of its own, then read back from there and ordered as mt replay writes them.
 *
 * <p>The events' own time is the clock, as in mt replay: the wall clock given to the pipeline is the epoch, decades
 * behind every event, so no tick moves a partition's clock and every window closes where mt replay's would; at the
 * end of input a flush is journaled on every partition ({@link ClusterFlush}, what a whole cluster does when it stops), as mt
 * replay flushes at the end of input, and the records are read once the cores have committed past it. mt replay's {@code --baseline} and {@code --throttling} are
 * what an operator of a cluster sets with {@code Set-OrganizationConfig}: that cmdlet goes first, at the epoch, and
 * its admin record is left out. Refused cmdlets are reported on "standard error" as mt replay reports them.
 */
final class ClusteredReplay {
    static final String RUNNER = "the clustered pipeline";

    /** More partitions than a scenario has mailboxes: configuration must reach every one. */
    private static final int PARTITIONS = 4;

    /**
     * One audit core consumer, applying each partition with a core of its own: what partitions change for the
     * rules. Partitions changing hands are the cluster tests' subject (app: ClusterPipelineTest, ClusterKillProcessTest).
     */
    private static final int CORES = 1;

    private static final String SETUP_ACTOR = "conformance-setup@mailtrail.local";

    /** The longest wait for the records to be stored: far above what storing them takes. */
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SETTLE = Duration.ofMillis(500);

    private ClusteredReplay() {}

    static Replayed run(Scenario scenario, ObjectMapper json) {
        ClusterNodes nodes = ClusterNodes.shared();
        try {
            Path directory = Files.createTempDirectory("conformance-" + scenario.name());
            StringBuilder stderr = new StringBuilder();
            EpochClock clock = new EpochClock();
            try (ClusterPipeline pipeline = ClusterPipeline.start(settings(scenario, nodes), directory, clock)) {
                feed(scenario, pipeline, stderr);
                // the end of input, as at the end of mt replay: every partition flushes its open windows
                clock.run();
                ClusterFlush.run(pipeline.settings(), clock, AWAIT);
                List<ObjectNode> records = awaitRecords(pipeline, scenario, json);
                summarise(pipeline, stderr);
                return new Replayed(0, records, stderr.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scenario " + scenario.name() + " through " + RUNNER, e);
        }
    }

    private static ClusterSettings settings(Scenario scenario, ClusterNodes nodes) {
        String name = "conformance-" + scenario.name();
        return new ClusterSettings(
                List.of(nodes.bootstrapServers()),
                name + "-journal",
                PARTITIONS,
                (short) 1,
                1,
                nodes.search(),
                name,
                name + "-cores",
                CORES,
                Duration.ofMillis(200),
                Duration.ofMinutes(2));
    }

    /**
     * Journals the scenario's events in order; cmdlets wait for their outcome, as mt replay reports it.
     */
    private static void feed(Scenario scenario, ClusterPipeline pipeline, StringBuilder stderr) throws IOException {
        String setup = setupCommand(scenario);
        if (setup != null) {
            Acceptance done = pipeline.apply(new CmdletInvocation(Instant.EPOCH, SETUP_ACTOR, setup, null))
                    .join();
            if (done.cmdlet() != null && !done.cmdlet().succeeded()) {
                throw new IllegalStateException("scenario " + scenario.name() + ": " + setup + " was refused: "
                        + done.cmdlet().error());
            }
        }
        AccessEventReader reader = new AccessEventReader();
        List<CompletableFuture<Long>> journaled = new ArrayList<>();
        List<String> lines = Files.readAllLines(scenario.events(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            AuditEvent event;
            try {
                event = reader.read(line);
            } catch (EventFormatException e) {
                throw new IllegalStateException(
                        "scenario " + scenario.name() + ", events.jsonl line " + (i + 1) + ": " + e.getMessage());
            }
            if (event instanceof CmdletInvocation) {
                Acceptance acceptance = pipeline.apply(event).join();
                if (acceptance.cmdlet() != null && !acceptance.cmdlet().succeeded()) {
                    stderr.append(scenario.events())
                            .append(':')
                            .append(i + 1)
                            .append(": ")
                            .append(acceptance.cmdlet().cmdlet())
                            .append(": ")
                            .append(acceptance.cmdlet().error())
                            .append('\n');
                }
            } else {
                journaled.add(pipeline.submit(event));
            }
        }
        CompletableFuture.allOf(journaled.toArray(CompletableFuture[]::new)).join();
    }

    /** What the cores did, as mt replay's summary line says it: for a failure's message. */
    private static void summarise(ClusterPipeline pipeline, StringBuilder stderr) {
        try {
            AuditStatistics counts = pipeline.statistics();
            int open = pipeline.inspect(RecordGenerator::openWindows).join();
            stderr.append("cores: ")
                    .append(counts.events())
                    .append(" events, ")
                    .append(counts.records())
                    .append(" records; windows still open on the lowest partition: ")
                    .append(open)
                    .append('\n');
        } catch (IOException | RuntimeException e) {
            stderr.append("cores: no statistics (").append(e.getMessage()).append(")\n");
        }
    }

    /** mt replay's {@code --baseline} and {@code --throttling} as the organisation cmdlet that sets them; or null. */
    static String setupCommand(Scenario scenario) {
        StringBuilder command = new StringBuilder();
        List<String> args = scenario.args();
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--baseline" -> command.append(" -AuditBaseline ").append(value);
                case "--throttling" ->
                    command.append(" -MailItemsAccessedThrottling ").append(value);
                default ->
                    throw new IllegalStateException("scenario " + scenario.name() + ": the argument " + args.get(i)
                            + " has no clustered equivalent; teach ClusteredReplay.setupCommand it");
            }
            if (value == null) {
                throw new IllegalStateException("scenario " + scenario.name() + ": " + args.get(i) + " needs a value");
            }
            i++;
        }
        return command.isEmpty() ? null : "Set-OrganizationConfig" + command;
    }

    /**
     * The records as the search cluster holds them, once as many as expected are there (the cores store them as
     * they apply the journal, so they come over a moment) and a little longer, so that one too many shows; or all
     * there are after {@link #AWAIT}.
     */
    private static List<ObjectNode> awaitRecords(ClusterPipeline pipeline, Scenario scenario, ObjectMapper json)
            throws IOException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (System.nanoTime() < deadline
                && readSoFar(pipeline, scenario, json) < scenario.expected().size()) {
            pause(POLL);
        }
        pause(SETTLE);
        return readBack(pipeline, scenario, json);
    }

    /** How many records are there so far; none while the logs' indexes are not made yet. */
    private static int readSoFar(ClusterPipeline pipeline, Scenario scenario, ObjectMapper json) {
        try {
            return readBack(pipeline, scenario, json).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Every record of both logs once (a mailbox record that flows to the unified log is in both, with one Id),
     * without the setup cmdlet's, ordered as mt replay writes them: by CreationTime, ties in the order they were
     * made (the order a mailbox's partition stored them in; no scenario has two mailboxes' records at one moment).
     */
    private static List<ObjectNode> readBack(ClusterPipeline pipeline, Scenario scenario, ObjectMapper json)
            throws IOException {
        Map<String, FoundRecord> byId = new LinkedHashMap<>();
        for (AuditLogSearch log : List.of(pipeline.mailboxLog(), pipeline.unifiedLog())) {
            log.export(found -> {
                byId.putIfAbsent(found.id(), found);
                return true;
            });
        }
        List<ObjectNode> records = new ArrayList<>();
        byId.values().stream()
                .filter(found -> !found.creationTime().equals(Instant.EPOCH))
                .sorted(Comparator.comparing(FoundRecord::creationTime).thenComparingLong(FoundRecord::sequence))
                .forEach(found -> records.add(Scenario.object(
                        found.auditData(),
                        "scenario " + scenario.name() + ", record " + found.id() + " read back from OpenSearch",
                        json)));
        return records;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the records", e);
        }
    }

    /**
     * The pipeline's wall clock: the epoch, standing still while the events are journaled (no commit falls due on
     * time), then running on from an hour later, so that the cores commit at once what the flush leaves without
     * records too.
     */
    private static final class EpochClock extends Clock {
        /** An hour on: every commit and snapshot interval has passed, every event is still decades ahead. */
        private static final Instant RUNNING_FROM = Instant.EPOCH.plus(Duration.ofHours(1));

        private volatile long runningSince = -1;

        void run() {
            runningSince = System.nanoTime();
        }

        @Override
        public Instant instant() {
            long since = runningSince;
            return since < 0 ? Instant.EPOCH : RUNNING_FROM.plusNanos(System.nanoTime() - since);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the conformance clock is UTC");
        }
    }
}
