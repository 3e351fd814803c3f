package dev.mailtrail.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.serve.AuditingProxy;
import dev.mailtrail.app.serve.ImapProxyConf;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mt serve's proxy and pipeline reporting to the metrics: a real Dovecot, a real IMAP session, real reads. */
class ProxyMetricsTest {
    @TempDir
    Path dir;

    @Test
    void anOpenSessionAndItsReadShowInTheScrape() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("alice", "INBOX", "Payroll", "Salaries for November.");
            MailTrailMetrics metrics = new MailTrailMetrics();
            try (AuditingProxy proxy = AuditingProxy.start(
                    ImapProxyConf.write(dir.resolve("proxy.conf"), dovecot.imapPort()),
                    dir.resolve("data"),
                    Clock.systemUTC())) {
                proxy.reportTo(metrics);
                assertThat(MailTrailMetricsTest.parse(metrics.scrape()))
                        .containsEntry("mailtrail_proxy_open_sessions{protocol=\"imap\"}", 0.0);
                try (Socket socket =
                        new Socket("127.0.0.1", proxy.addresses().get("imap").getPort())) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = socket.getOutputStream();
                    assertThat(in.readLine()).startsWith("* OK");
                    command(in, out, "a LOGIN alice Secret123");
                    command(in, out, "s SELECT INBOX");
                    command(in, out, "h UID FETCH 1 (BODY.PEEK[HEADER])");
                    command(in, out, "t UID FETCH 1 (BODY.PEEK[TEXT])");

                    Map<String, Double> open = MailTrailMetricsTest.parse(metrics.scrape());
                    assertThat(open)
                            .containsEntry("mailtrail_proxy_open_sessions{protocol=\"imap\"}", 1.0)
                            .containsKey("mailtrail_lookup_cache_hits_total");
                    assertThat(open.get("mailtrail_events_journaled_total"))
                            .as("the login and the read, acknowledged before the read went out")
                            .isGreaterThanOrEqualTo(2.0);
                    assertThat(open.get("mailtrail_lookup_cache_hits_total")).isPositive();
                    command(in, out, "l LOGOUT");
                }
            }
        }
    }

    private static void command(BufferedReader in, OutputStream out, String command) throws Exception {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String tag = command.substring(0, command.indexOf(' ') + 1);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(tag)) {
                assertThat(line).startsWith(tag + "OK");
                return;
            }
        }
        throw new AssertionError("the connection closed before " + command + " completed");
    }
}
