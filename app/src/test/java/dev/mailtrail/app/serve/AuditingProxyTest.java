package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.store.log.RecordQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt serve}'s wiring: a read through the proxy ends up as a stored MailItemsAccessed record. */
class AuditingProxyTest {

    @TempDir
    Path dir;

    @Test
    void aMessageReadThroughTheProxyIsARecordInTheDataDirectoryOnceItStops() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            String id = dovecot.seed("alice", "INBOX", "Payroll", "Salaries for November.");
            Path conf = dir.resolve("proxy.conf");
            Files.writeString(conf, """
                    [upstream imap]
                    host = 127.0.0.1
                    port = %d

                    [listener imap]
                    protocol = imap
                    address = 127.0.0.1
                    port = 0
                    """.formatted(dovecot.imapPort()));
            ProxyConfig config = ProxyConfigFile.read(conf);
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(config, data, Clock.systemUTC());
            int port = proxy.addresses().get("imap").getPort();
            Path script = dir.resolve("read.py");
            Files.writeString(script, """
                    import imaplib
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.login('alice', 'Secret123')
                    m.select('INBOX')
                    m.fetch('1', '(BODY.PEEK[])')
                    m.logout()
                    """.formatted(port));
            Process p = new ProcessBuilder("python3", script.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            proxy.close();

            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                Map<String, Long> byOperation = reopened.mailboxLog()
                        .countByOperation(
                                RecordQuery.between(Instant.EPOCH, Instant.now().plusSeconds(3600)));
                assertThat(byOperation).containsKey("MailItemsAccessed");
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                assertThat(exported.toString())
                        .contains("MailItemsAccessed")
                        .contains(id.substring(1, id.length() - 1));
            }
        }
    }

    @Test
    void aBadConfigurationFileIsReportedWithItsLineAndExitStatusOne() throws Exception {
        Path conf = dir.resolve("proxy.conf");
        Files.writeString(conf, "[listener imap]\nprotocol = imap\nport = 1143\nsecure = yes\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Mt.run(
                new String[] {
                    "serve",
                    "--config",
                    conf.toString(),
                    "--data",
                    dir.resolve("d").toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("mt serve: " + conf + ":4: key \"secure\": unknown key in [listener]");
    }
}
