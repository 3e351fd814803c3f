package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [anchors] section: paths that need not exist yet, relative to the file's directory. */
class AnchorsSectionTest {
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

    @Test
    void theAnchorsDirectoryAndKeyAreReadRelativeToTheFile() throws Exception {
        ProxyConfig config = ProxyConfigFile.parse(
                MINIMAL + "\n[anchors]\ndirectory = worm/digests\nsigning-key = /etc/mailtrail/anchor.key\n",
                "proxy.conf",
                dir);
        assertThat(config.anchors().directory()).isEqualTo(dir.resolve("worm/digests"));
        assertThat(config.anchors().signingKey()).isEqualTo(Path.of("/etc/mailtrail/anchor.key"));
    }

    @Test
    void withoutTheSectionNoDigestsAreAskedFor() throws Exception {
        assertThat(ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir).anchors()).isNull();
    }

    @Test
    void theSectionWithoutADirectoryIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "\n[anchors]\nsigning-key = k\n", "proxy.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageContaining("directory")
                .hasMessageContaining("missing in [anchors]");
    }
}
