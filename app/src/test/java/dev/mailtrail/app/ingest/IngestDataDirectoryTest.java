package dev.mailtrail.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import org.junit.jupiter.api.Test;

/** A data directory that cannot be made is named with the reason, not as a bare path. */
class IngestDataDirectoryTest {
    @Test
    void aDataDirectoryThatCannotBeMadeIsNamedWithTheReason() {
        MtRun run = MtRun.of("ingest", "--data", "/proc/mailtrail", "--no-progress", "../examples/bec-story.jsonl");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mt ingest: /proc/mailtrail: no such file or directory\n");
    }
}
