package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import dev.mailtrail.store.log.FoundRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningDemoTest {
    @TempDir
    Path dir;

    @Test
    void aMessageReadOverStarttlsThroughTheDemoIsRecordedWithItsMessageIdOnceTheDemoStops() throws Exception {
        Path data = dir.resolve("data");
        SeedMessage first = DemoCorpus.messages().stream()
                .filter(m -> m.owner().equals("alice@demo.test") && m.folder().equals("Finance"))
                .findFirst()
                .orElseThrow();
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.GREENMAIL), Clock.systemUTC());
        try {
            String printed =
                    DemoRun.python(dir, """
                    import imaplib, ssl
                    context = ssl.create_default_context(cafile='%s')
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.starttls(ssl_context=context)
                    m.login('alice@demo.test', 'demo')
                    m.select('Finance')
                    typ, data = m.fetch('1', '(BODY[])')
                    raw = data[0][1]
                    print(len(raw))
                    print([l for l in raw.decode().split('\\r\\n') if l.startswith('Message-ID:')][0])
                    m.logout()
                    """.formatted(demo.certificate().certificate(), demo.port("imap")));
            assertThat(printed).contains(String.valueOf(first.size()), "Message-ID: " + first.messageId());
        } finally {
            demo.close();
        }
        List<FoundRecord> records = DemoRun.mailItemsAccessed(data, "alice@demo.test");
        assertThat(records).isNotEmpty();
        assertThat(records).anySatisfy(record -> assertThat(record.auditData())
                .contains("\"MailAccessType\"", "Bind")
                .contains(first.messageId())
                .contains("\\\\Finance"));
    }

    @Test
    void theBannersCurlAndPythonCommandsWorkAsPrintedAndTheirReadsAreRecorded() throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.GREENMAIL), Clock.systemUTC());
        try {
            String banner = DemoBanner.render(demo);
            // The attacker recipe after it has a test of its own (AttackerRecipeTest).
            List<String> commands = banner.substring(0, banner.indexOf(AttackerRecipe.BEGIN))
                    .lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("curl ") || line.startsWith("python3 "))
                    .toList();
            assertThat(commands).hasSize(3);
            for (String command : commands) {
                String expected = command.startsWith("curl") ? "Message-ID: <" : "Remittance advice RA-7781";
                assertThat(DemoRun.shell(dir, command)).as(command).contains(expected);
            }
        } finally {
            demo.close();
        }
        assertThat(DemoRun.mailItemsAccessed(data, "alice@demo.test"))
                .anySatisfy(record -> assertThat(record.auditData()).contains("\\\\Finance"));
        java.util.Set<String> read = new java.util.HashSet<>();
        for (var record : DemoRun.mailItemsAccessed(data, "alice@demo.test")) {
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"InternetMessageId\":\"([^\"]+)\"")
                    .matcher(record.auditData());
            while (ids.find()) {
                read.add(ids.group(1));
            }
        }
        assertThat(read)
                .as("the Python line reads three Finance messages whole")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(DemoRun.mailItemsAccessed(data, "bob@demo.test"))
                .anySatisfy(record -> assertThat(record.auditData()).contains("Client=POP3"));
    }

    @Test
    void aProxyPortInUseStopsTheStartNamingThePortAndItsOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DemoOptions free = DemoRun.onFreePorts(dir.resolve("data"), DemoBackend.GREENMAIL);
            DemoOptions options = new DemoOptions(
                    free.data(),
                    free.backend(),
                    free.imapPort(),
                    taken.getLocalPort(),
                    free.pop3Port(),
                    free.pop3sPort());
            assertThatThrownBy(() -> RunningDemo.start(options, Clock.systemUTC()))
                    .isInstanceOf(DemoStartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("--imaps-port");
        }
    }

    @Test
    void theBannerSaysHowToConnectAndHowToSearch() throws Exception {
        RunningDemo demo =
                RunningDemo.start(DemoRun.onFreePorts(dir.resolve("data"), DemoBackend.GREENMAIL), Clock.systemUTC());
        try {
            String banner = DemoBanner.render(demo);
            assertThat(banner)
                    .contains("IMAP  " + demo.port("imap"), "IMAPS  " + demo.port("imaps"))
                    .contains("POP3  " + demo.port("pop3"), "POP3S  " + demo.port("pop3s"))
                    .contains("alice@demo.test, bob@demo.test, mallory@demo.test", "password: demo")
                    .contains(demo.certificate().certificate().toAbsolutePath().toString())
                    .contains("SHA-256 " + demo.certificate().sha256Fingerprint())
                    .contains("curl --ssl-reqd", "mutt -n -e 'set certificate_file=", "python3 -c")
                    .contains("./mt Search-MailboxAuditLog -Identity alice@demo.test -ShowDetails")
                    .contains("GreenMail has no NAMESPACE");
        } finally {
            demo.close();
        }
    }
}
