package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.ServeOutput;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import dev.mailtrail.store.log.RecordQuery;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
            ProxyConfig config = ImapProxyConf.write(dir.resolve("proxy.conf"), dovecot.imapPort());
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(config, data, Clock.systemUTC());
            int port = proxy.addresses().get("imap").getPort();
            ByteArrayOutputStream cmdletOut = new ByteArrayOutputStream();
            int cmdlet = Mt.run(
                    new String[] {"Get-OrganizationConfig", "--data", data.toString()},
                    new PrintStream(cmdletOut, true, StandardCharsets.UTF_8),
                    new PrintStream(cmdletOut, true, StandardCharsets.UTF_8));
            assertThat(cmdlet)
                    .as("a cmdlet reaches the running proxy's data directory: " + cmdletOut)
                    .isZero();
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
    void aMessageSentThroughASubmissionListenerIsASendRecordInTheDataDirectory() throws Exception {
        PostfixInstance.assumeInstalled();
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
                PostfixInstance postfix =
                        PostfixInstance.start(Files.createDirectories(dir.resolve("postfix")), dovecot)) {
            Path conf = dir.resolve("proxy.conf");
            Files.writeString(conf, """
                    [upstream submission]
                    host = 127.0.0.1
                    port = %d

                    [listener submission]
                    protocol = submission
                    address = 127.0.0.1
                    port = 0
                    local-domains = mailtrail.test
                    """.formatted(postfix.port()));
            ProxyConfig config = ProxyConfigFile.read(conf);
            Path data = dir.resolve("data");
            AuditingProxy proxy = AuditingProxy.start(config, data, Clock.systemUTC());
            int port = proxy.addresses().get("submission").getPort();
            Process p = new ProcessBuilder(
                            "swaks",
                            "--server",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(port),
                            "--auth",
                            "PLAIN",
                            "--auth-user",
                            "alice",
                            "--auth-password",
                            DovecotInstance.PASSWORD,
                            "--from",
                            "alice@mailtrail.test",
                            "--to",
                            "partner@example.org",
                            "--header",
                            "Subject: Wire the deposit today",
                            "--header",
                            "Message-Id: <serve-send-1@mailtrail.test>")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
            proxy.close();

            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                assertThat(exported.toString())
                        .contains("\"Operation\":\"Send\"")
                        .contains("serve-send-1@mailtrail.test")
                        .contains("Wire the deposit today");
            }
        }
    }

    @Test
    void mtServeStopsCleanlyOnSigtermWithAnOpenSessionAndItsReadRecorded() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            String id = dovecot.seed("bob", "INBOX", "Bonus plan", "Not for circulation.");
            Path conf = dir.resolve("proxy.conf");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.writeString(conf, """
                    [upstream imap]
                    host = 127.0.0.1
                    port = %d

                    [listener imap]
                    protocol = imap
                    address = 127.0.0.1
                    port = %d
                    """.formatted(dovecot.imapPort(), port));
            Path data = dir.resolve("data");
            Process serve = new ProcessBuilder(MtProcess.serveCommand(List.of(), conf, data))
                    .redirectErrorStream(true)
                    .start();
            ServeOutput output = ServeOutput.of(serve);
            assertThat(output.awaitUp(60)).isTrue();
            String line;
            assertThat(output.printed()).contains("MailTrail proxy is up").contains("127.0.0.1:" + port);
            try (Socket c = new Socket("127.0.0.1", port)) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
                OutputStream o = c.getOutputStream();
                in.readLine();
                o.write("a LOGIN bob Secret123\r\nb SELECT INBOX\r\nc FETCH 1 (BODY.PEEK[])\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                while (!(line = in.readLine()).startsWith("c ")) {
                    // the session stays open: SIGTERM must close it and keep its read
                }
                assertThat(line).startsWith("c OK");
                serve.destroy(); // SIGTERM
                assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(in.readLine()).isEqualTo("* BYE [UNAVAILABLE] Server shutting down.");
            }
            output.join(0);
            String rest = output.printed();
            assertThat(serve.exitValue())
                    .as("128 + SIGTERM, after the shutdown hook ran: " + rest)
                    .isEqualTo(143);
            try (AuditPipeline reopened =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                StringBuilder exported = new StringBuilder();
                reopened.mailboxLog().export(r -> exported.append(r.auditData()).append('\n') != null);
                assertThat(exported.toString())
                        .as("records after SIGTERM; replayed " + reopened.replayedEntries() + " made "
                                + reopened.recordsMade() + " " + reopened.statistics() + "; mt serve said: " + rest)
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
