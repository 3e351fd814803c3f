package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [api] section: where mt serve serves the HTTPS API, with the certificate of [tls]. */
class ApiSectionTest {
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
    void theAddressAndPortAreReadWithTheirDefaults() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "");
        Files.writeString(dir.resolve("key.pem"), "");
        String tls = "\n[tls]\ncertificate = cert.pem\nkey = key.pem\n";
        ProxyConfig given =
                ProxyConfigFile.parse(MINIMAL + tls + "\n[api]\naddress = ::1\nport = 9443\n", "p.conf", dir);
        assertThat(given.api()).isEqualTo(new ApiListenerConfig("::1", 9443));
        ProxyConfig defaults = ProxyConfigFile.parse(MINIMAL + tls + "\n[api]\n", "p.conf", dir);
        assertThat(defaults.api()).isEqualTo(new ApiListenerConfig("127.0.0.1", ApiListenerConfig.DEFAULT_PORT));
        assertThat(ProxyConfigFile.parse(MINIMAL, "p.conf", dir).api()).isNull();
    }

    @Test
    void theSectionWithoutTlsIsRefused() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "\n[api]\nport = 8443\n", "p.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageContaining("[api]")
                .hasMessageContaining("[tls]");
    }

    @Test
    void aPortOutOfRangeIsRefusedWithItsKey() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "\n[api]\nport = 70000\n", "p.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageContaining("port");
    }
}
