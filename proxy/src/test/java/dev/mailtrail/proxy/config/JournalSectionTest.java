package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [journal] section: how much journal is kept, and how often the core is snapshotted. */
class JournalSectionTest {
    private static final String MINIMAL = """
            [upstream imap]
            host = 127.0.0.1
            port = 143

            [listener imap]
            protocol = imap
            port = 1143
            """;

    @TempDir
    Path dir;

    private ProxyConfig parse(String journal) throws ProxyConfigException {
        return ProxyConfigFile.parse(MINIMAL + "\n[journal]\n" + journal, "proxy.conf", dir);
    }

    @Test
    void theTailAndTheSnapshotKnobsAreRead() throws Exception {
        JournalSettings journal = parse("tail = 64MiB\nsnapshot-interval = 5m\nsnapshot-entries = 100000\n")
                .journal();
        assertThat(journal).isEqualTo(new JournalSettings(64L << 20, Duration.ofMinutes(5), 100_000L));
    }

    @Test
    void aTailOfZeroKeepsNothingBeyondWhatIsCovered() throws Exception {
        assertThat(parse("tail = 0\n").journal().tailBytes()).isZero();
    }

    @Test
    void whatTheSectionLeavesOutIsThePipelinesDefault() throws Exception {
        assertThat(parse("tail = 1GiB\n").journal()).isEqualTo(new JournalSettings(1L << 30, null, null));
        assertThat(ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir).journal()).isEqualTo(JournalSettings.DEFAULTS);
    }

    @Test
    void aTailThatIsNotASizeIsRefusedWithItsLineAndKey() {
        assertThatThrownBy(() -> parse("tail = lots\n"))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessage("proxy.conf:10: key \"tail\": expected a size such as 65536, 64KiB or 16MiB, found lots");
        assertThatThrownBy(() -> parse("tail = -5MiB\n"))
                .hasMessage("proxy.conf:10: key \"tail\": expected a size such as 65536, 64KiB or 16MiB, found -5MiB");
    }

    @Test
    void snapshotKnobsOutOfRangeAreRefusedWithTheirLineAndKey() {
        assertThatThrownBy(() -> parse("tail = 1MiB\nsnapshot-interval = 0s\n"))
                .hasMessage("proxy.conf:11: key \"snapshot-interval\": must be above 0, found 0s");
        assertThatThrownBy(() -> parse("snapshot-entries = 0\n"))
                .hasMessage("proxy.conf:10: key \"snapshot-entries\": 0 is out of range 1..2147483647");
        assertThatThrownBy(() -> parse("snapshot-interval = often\n"))
                .hasMessage("proxy.conf:10: key \"snapshot-interval\": expected a duration such as 500ms, 1s, 2m or 1h,"
                        + " found often");
    }

    @Test
    void aMisspeltKeyIsUnknown() {
        assertThatThrownBy(() -> parse("tail-mib = 64\n"))
                .hasMessage("proxy.conf:10: key \"tail-mib\": unknown key in [journal]");
    }
}
