package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void anUnknownBackendIsAUsageErrorNamingTheValue() {
        int status = run("demo", "--backend", "exchange", "--data", dir.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected greenmail or dovecot, got 'exchange'");
    }

    @Test
    void anUnknownSensorIsAUsageErrorNamingTheValues() {
        int status = run("demo", "--backend", "dovecot", "--sensor", "syslog", "--data", dir.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected proxy or native, got 'syslog'");
    }

    @Test
    void theNativeSensorWithoutDovecotIsAUsageErrorThatStartsNothing() {
        Path data = dir.resolve("data");
        int status = run("demo", "--sensor", "native", "--data", data.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("--sensor native needs --backend dovecot")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(data).doesNotExist();
    }

    @Test
    void aTakenPortEndsTheCommandWithStatusOneAndAMessageNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DemoOptions free = DemoRun.onFreePorts(dir, DemoBackend.GREENMAIL);
            int status = run(
                    "demo",
                    "--data",
                    dir.toString(),
                    "--imap-port",
                    String.valueOf(taken.getLocalPort()),
                    "--imaps-port",
                    String.valueOf(free.imapsPort()),
                    "--pop3-port",
                    String.valueOf(free.pop3Port()),
                    "--pop3s-port",
                    String.valueOf(free.pop3sPort()));
            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("mt demo: port " + taken.getLocalPort() + " on 127.0.0.1")
                    .contains("--imap-port");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    private int run(String... args) {
        return Mt.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
