package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.SnapshotPolicy;
import dev.mailtrail.proxy.config.JournalSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeSnapshotsTest {

    @Test
    void withoutSectionOrFlagThePolicyIsThePipelinesDefault() {
        assertThat(ServeSnapshots.policy(JournalSettings.DEFAULTS, null)).isEqualTo(SnapshotPolicy.defaults());
    }

    @Test
    void theFilesJournalSectionSetsTheTailAndTheSnapshotKnobs() {
        SnapshotPolicy policy =
                ServeSnapshots.policy(new JournalSettings(64L << 20, Duration.ofMinutes(5), 1_000L), null);
        assertThat(policy.journalTailBytes()).isEqualTo(64L << 20);
        assertThat(policy.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.entries()).isEqualTo(1_000);
        assertThat(policy.segmentBytes()).isEqualTo(SnapshotPolicy.defaults().segmentBytes());
    }

    @Test
    void theCommandLineTailWinsOverTheFiles() {
        SnapshotPolicy policy =
                ServeSnapshots.policy(new JournalSettings(64L << 20, Duration.ofMinutes(5), null), 512L);
        assertThat(policy.journalTailBytes()).isEqualTo(512L << 20);
        assertThat(policy.interval())
                .as("what the flag does not set stays the file's")
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ServeSnapshots.policy(new JournalSettings(64L << 20, null, null), 0L)
                        .journalTailBytes())
                .isZero();
    }
}
