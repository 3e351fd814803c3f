package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import dev.mailtrail.store.log.FoundRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt demo} as a user runs it: its own process, a real client, then SIGTERM. */
class DemoCommandProcessTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheDemoWithTheReadsOfItsOpenAuditWindowStored() throws Exception {
        Path data = dir.resolve("data");
        DemoOptions ports = DemoRun.onFreePorts(data, DemoBackend.GREENMAIL);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        SeedMessage sent = DemoCorpus.messages().stream()
                .filter(m -> m.owner().equals("alice@demo.test") && m.folder().equals("Sent"))
                .findFirst()
                .orElseThrow();
        Process demo = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mailtrail.app.Mt",
                        "demo",
                        "--imap-port",
                        String.valueOf(ports.imapPort()),
                        "--imaps-port",
                        String.valueOf(ports.imapsPort()),
                        "--pop3-port",
                        String.valueOf(ports.pop3Port()),
                        "--pop3s-port",
                        String.valueOf(ports.pop3sPort()),
                        "--data",
                        data.toString())
                .redirectError(dir.resolve("demo.err").toFile())
                .start();
        try {
            List<String> banner = DemoRun.readBanner(demo);
            assertThat(banner).anySatisfy(line -> assertThat(line).contains("IMAPS  " + ports.imapsPort()));
            assertThat(banner)
                    .anySatisfy(line -> assertThat(line).contains("HTTPS API and sign-in: https://localhost:"));
            assertThat(banner).anySatisfy(line -> assertThat(line).contains("sensor token (Sensor"));
            // The read lands in a MailItemsAccessed window that stays open for two minutes: only the
            // shutdown's flush can store it before then.
            String printed = DemoRun.python(dir, """
                    import imaplib, ssl
                    context = ssl.create_default_context(cafile='%s')
                    m = imaplib.IMAP4_SSL('127.0.0.1', %d, ssl_context=context)
                    m.login('alice@demo.test', 'demo')
                    m.select('Sent')
                    typ, data = m.uid('FETCH', '1', '(BODY.PEEK[])')
                    print(len(data[0][1]))
                    """.formatted(data.resolve("tls/demo-cert.pem"), ports.imapsPort()));
            assertThat(printed.strip()).isEqualTo(String.valueOf(sent.size()));

            // an administrator's cmdlet reaches the running demo's pipeline through the data directory
            MtProcess.Result set = MtProcess.run(
                    data,
                    "Set-Mailbox",
                    "-Identity",
                    "alice@demo.test",
                    "-AuditOwner",
                    "@{Add=\"MailboxLogin\"}",
                    "--data",
                    data.toString());
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(MtProcess.run(data, "Get-Mailbox", "alice@demo.test", "--data", data.toString())
                            .out())
                    .containsPattern("AuditOwner +: \\{.*MailboxLogin\\}");
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("demo.err"))).contains("stopped, every record stored");
        List<FoundRecord> records = DemoRun.mailItemsAccessed(data, "alice@demo.test");
        assertThat(records).anySatisfy(record -> assertThat(record.auditData()).contains(sent.messageId()));
    }
}
