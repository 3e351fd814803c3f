package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.AuditEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * As {@link PipelineCrashWriter}, with a digest of every commit written to an anchors directory and commits as often
 * as the pipeline allows, so that a kill often lands while a digest is being written.
 */
public final class AnchoredCrashWriter {
    private AnchoredCrashWriter() {}

    static PipelineOptions options(Path anchors, Path key) {
        return new PipelineOptions(
                        Duration.ofMillis(5),
                        Duration.ofMillis(5),
                        50,
                        Duration.ofDays(180),
                        Duration.ofHours(24),
                        100_000)
                .withAnchoring(Optional.of(new Anchoring(anchors, key)));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long next = Long.parseLong(args[1]);
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), options(Path.of(args[2]), Path.of(args[3])), "crash")) {
            while (true) {
                List<AuditEvent> group = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    group.add(PipelineCrashWriter.send(next + i));
                }
                pipeline.submitAll(group).get();
                System.out.println("acked " + (next + 19));
                System.out.flush();
                next += 20;
            }
        }
    }
}
