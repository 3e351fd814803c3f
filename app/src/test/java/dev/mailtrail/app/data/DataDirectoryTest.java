package dev.mailtrail.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    @Test
    void dataMayStandAnywhereOnTheLineAndIsTakenOut() {
        DataDirectory data = DataDirectory.from(
                new String[] {"Set-Mailbox", "-Identity", "alice", "--data", "/tmp/d", "-AuditEnabled", "$true"},
                Map.of());

        assertThat(data.path()).isEqualTo(Path.of("/tmp/d"));
        assertThat(data.remaining()).containsExactly("Set-Mailbox", "-Identity", "alice", "-AuditEnabled", "$true");
        assertThat(DataDirectory.from(new String[] {"--data=/x", "ingest"}, Map.of())
                        .path())
                .isEqualTo(Path.of("/x"));
    }

    @Test
    void withoutTheOptionTheEnvironmentDecides() {
        assertThat(DataDirectory.from(new String[] {}, Map.of("MAILTRAIL_DATA", "/srv/mt"))
                        .path())
                .isEqualTo(Path.of("/srv/mt"));
        assertThat(DataDirectory.from(new String[] {}, Map.of("XDG_DATA_HOME", "/home/a/.data"))
                        .path())
                .isEqualTo(Path.of("/home/a/.data/mailtrail"));
        assertThat(DataDirectory.from(new String[] {}, Map.of()).path())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "mailtrail"));
    }

    @Test
    void dataWithoutADirectoryIsAUsageError() {
        assertThatThrownBy(() -> DataDirectory.from(new String[] {"ingest", "--data"}, Map.of()))
                .hasMessageContaining("--data needs a directory");
    }
}
