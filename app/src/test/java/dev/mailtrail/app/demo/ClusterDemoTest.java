package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.cluster.ClusterFixture;
import dev.mailtrail.app.cluster.ClusterPointer;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt demo --cluster} on the shared broker and search node: a message read through each proxy, a cmdlet typed
 * while it runs, and the records found by the search cmdlets given the demo's data directory.
 */
class ClusterDemoTest {
    private static final String FROM =
            LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    private static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

    @TempDir
    Path dir;

    @Test
    @org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aReadThroughEitherProxyIsFoundWithTheDemosDataDirectoryAndCmdletsReachTheClusterWhileItRuns()
            throws Exception {
        ClusterSettings settings = ClusterFixture.settings("demo", 4, 1);
        Path data = dir.resolve("data");
        List<SeedMessage> finance = DemoCorpus.messages().stream()
                .filter(m -> m.owner().equals("alice@demo.test") && m.folder().equals("Finance"))
                .limit(2)
                .toList();
        ClusterDemo demo = ClusterDemo.start(
                new DemoOptions(data, DemoBackend.GREENMAIL, 0, 0, 0, 0), settings, () -> {}, Clock.systemUTC());
        try {
            assertThat(ClusterPointer.read(data)).contains(settings);
            assertThat(ClusterPointer.read(data.resolve(ClusterDemo.SECOND))).contains(settings);
            assertThat(demo.port(0, "imap")).isNotEqualTo(demo.port(1, "imap"));
            for (int proxy = 0; proxy < 2; proxy++) {
                String printed = DemoRun.python(dir, """
                        import imaplib, ssl
                        m = imaplib.IMAP4('127.0.0.1', %d)
                        m.starttls(ssl_context=ssl.create_default_context(cafile='%s'))
                        m.login('alice@demo.test', 'demo')
                        m.select('Finance')
                        typ, data = m.fetch('%d', '(BODY[])')
                        print([l for l in data[0][1].decode().split('\\r\\n') if l.startswith('Message-ID:')][0])
                        m.logout()
                        """.formatted(
                                demo.port(proxy, "imap"), demo.certificate().certificate(), proxy + 1));
                assertThat(printed).contains(finance.get(proxy).messageId());
            }

            MtRun set = MtRun.of(
                    "Set-Mailbox", "--data", data.toString(), "-Identity", "bob@demo.test", "-AuditOwner", "Create");
            assertThat(set.exit()).as(set.err()).isZero();
            String admin = eventually(() -> MtRun.of(
                            "Search-UnifiedAuditLog",
                            "--data",
                            data.toString(),
                            "-StartDate",
                            FROM,
                            "-EndDate",
                            TO,
                            "-Operations",
                            "Set-Mailbox")
                    .out());
            assertThat(admin).contains("Set-Mailbox", "bob@demo.test");
        } finally {
            demo.close();
        }

        String reads = eventually(() -> MtRun.of(
                        "Search-MailboxAuditLog",
                        "--data",
                        data.toString(),
                        "-Identity",
                        "alice@demo.test",
                        "-ShowDetails",
                        "-StartDate",
                        FROM,
                        "-EndDate",
                        TO)
                .out());
        assertThat(reads)
                .contains(
                        "MailItemsAccessed",
                        finance.get(0).messageId(),
                        finance.get(1).messageId());
        MtRun scope = MtRun.of(
                "scope",
                "--case",
                data.toString(),
                "--mailbox",
                "alice@demo.test",
                "--attacker-ip",
                "127.0.0.1",
                "--format",
                "json");
        assertThat(scope.exit()).as(scope.err()).isZero();
        assertThat(scope.out())
                .contains(finance.get(0).messageId(), finance.get(1).messageId());
        MtRun verify = MtRun.of("verify", "--data", data.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("mailbox-audit-log: intact", "unified-audit-log: intact");
    }

    /** What {@code search} prints once it prints something: the cores store a moment after the journal has it. */
    private static String eventually(Supplier<String> search) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String found = search.get();
        while (found.isBlank() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            found = search.get();
        }
        return found;
    }
}
