package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt demo --backend dovecot --sensor native} as a user runs it: a read made straight to the demo's Dovecot,
 * with no proxy in between, reaches MailTrail through Dovecot's event exporter and the API, and the search finds the
 * MailItemsAccessed record naming the message.
 */
class NativeSensorDemoProcessTest {
    @TempDir
    Path dir;

    @Test
    void aReadStraightFromDovecotIsFoundBySearchNamingTheMessage() throws Exception {
        Path data = dir.resolve("data");
        int imap = LoopbackPort.anyFree(RunningDemo.HOST);
        int pop3 = LoopbackPort.anyFree(RunningDemo.HOST);
        int api = LoopbackPort.anyFree(RunningDemo.HOST);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // umask 077 as ./mt sets it: Dovecot's auth and stats processes, another account under root, must still read
        // the demo's users and the API's certificate
        Process demo = new ProcessBuilder(
                        "sh",
                        "-c",
                        "umask 077; exec \"$0\" \"$@\"",
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mailtrail.app.Mt",
                        "demo",
                        "--backend",
                        "dovecot",
                        "--sensor",
                        "native",
                        "--imap-port",
                        String.valueOf(imap),
                        "--pop3-port",
                        String.valueOf(pop3),
                        "--api-port",
                        String.valueOf(api),
                        "--data",
                        data.toString())
                .redirectError(dir.resolve("demo.err").toFile())
                .start();
        String messageId;
        try {
            List<String> banner = DemoRun.readBanner(demo);
            assertThat(String.join("\n", banner))
                    .contains("Connect a mail client DIRECTLY to Dovecot")
                    .contains("IMAP  " + imap)
                    .contains("POP3  " + pop3)
                    .contains("https://localhost:" + api + "/api/v1/sensors/dovecot")
                    .contains("docs/dovecot-native-sensor.md")
                    .doesNotContain("IMAPS")
                    .doesNotContain("auditing proxy (strict mode)");

            messageId = DemoRun.python(dir, """
                            import imaplib, email
                            m = imaplib.IMAP4('127.0.0.1', %d)
                            m.login('alice@demo.test', 'demo')
                            m.select('Finance')
                            typ, data = m.uid('FETCH', '2', '(BODY.PEEK[])')
                            print(email.message_from_bytes(data[0][1])['Message-ID'])
                            m.logout()
                            """.formatted(imap)).strip();
            assertThat(DemoCorpus.messages().stream().map(SeedMessage::messageId))
                    .contains(messageId);

            // Dovecot posts after the fact: wait until the read sits in alice's open aggregation window
            awaitOpenWindow(data);
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("demo.err"))).contains("stopped, every record stored");

        MtProcess.Result search = MtProcess.run(
                data,
                "Search-MailboxAuditLog",
                "-Identity",
                "alice@demo.test",
                "-ShowDetails",
                "-Format",
                "Jsonl",
                "--data",
                data.toString());
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out())
                .contains("MailItemsAccessed")
                .contains(messageId)
                .contains("\\\\Finance")
                .contains("127.0.0.1");
    }

    private static void awaitOpenWindow(Path data) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            MtProcess.Result open = MtProcess.run(
                    data, "Get-MailTrailAggregationWindow", "-Identity", "alice@demo.test", "--data", data.toString());
            last = open.out() + open.err();
            if (open.out().contains("MailAccessType") && open.out().contains("Bind")) {
                return;
            }
            Thread.sleep(500); // polling what Dovecot's stats process posts after the read
        }
        throw new AssertionError("the read did not reach MailTrail within 60 s; last answer: " + last);
    }
}
