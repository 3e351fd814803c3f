package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import org.junit.jupiter.api.Test;

class ServeBannerTest {

    private static final String FILE = """
            [upstream imap]
            host = 127.0.0.1
            port = 143
            %s
            [listener imap]
            protocol = imap
            port = 1143
            """;

    @Test
    void withoutALookupAccountTheStartUpLineSaysWhatIsRecordedByUidOnly() throws Exception {
        ProxyConfig config = ProxyConfigFile.parse(FILE.formatted(""), "proxy.conf", null);
        assertThat(ServeBanner.naming(config))
                .contains("no lookup-user in [upstream imap]")
                .contains("recorded by UID, without InternetMessageId, Subject or size");
    }

    @Test
    void withALookupAccountItSaysWhoNamesTheItemsAndHowLongACommandWaits() throws Exception {
        ProxyConfig config = ProxyConfigFile.parse(
                FILE.formatted("lookup-user = auditor\nlookup-password = secret\nlookup-timeout = 500ms\n"),
                "proxy.conf",
                null);
        assertThat(ServeBanner.naming(config))
                .isEqualTo("  items: named by lookups as auditor (waiting at most 500 ms; then recorded by UID,"
                        + " identity unknown)")
                .doesNotContain("secret");
    }
}
