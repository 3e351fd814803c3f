package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a cmdlet reaches the audit pipeline: by opening the data directory itself, or, inside a process that already
 * runs the pipeline (mt serve, mt demo, mt ingest), by using that one.
 */
interface PipelineAccess {
    <T> T use(String purpose, Work<T> work) throws IOException;

    /** Whether this process runs the pipeline (mt serve, demo, ingest answering a cmdlet sent to it). */
    boolean holdsPipeline();

    @FunctionalInterface
    interface Work<T> {
        T run(AuditBackend pipeline) throws IOException;
    }

    /** Opens the data directory for the one cmdlet, and closes it after. */
    static PipelineAccess opening(Path data, Clock clock) {
        return new PipelineAccess() {
            @Override
            public <T> T use(String purpose, Work<T> work) throws IOException {
                try (AuditPipeline pipeline =
                        AuditPipeline.open(data, clock, PipelineOptions.defaults(), purpose, System.err)) {
                    return work.run(pipeline);
                }
            }

            @Override
            public boolean holdsPipeline() {
                return false;
            }
        };
    }

    /** The pipeline a running process already has open. */
    static PipelineAccess running(AuditBackend pipeline) {
        return new PipelineAccess() {
            @Override
            public <T> T use(String purpose, Work<T> work) throws IOException {
                return work.run(pipeline);
            }

            @Override
            public boolean holdsPipeline() {
                return true;
            }
        };
    }
}
