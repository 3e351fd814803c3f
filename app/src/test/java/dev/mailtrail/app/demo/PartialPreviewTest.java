package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thunderbird's partial preview, {@code BODY.PEEK[]<0.100>}: through the demo it is answered and recorded; against
 * GreenMail's own answer ({@code BODY[]<0>{100}}, no space before the literal) the proxy in strict mode withholds
 * the response, ends the session, and says why in its log.
 */
class PartialPreviewTest {

    @TempDir
    Path dir;

    private static final String PREVIEW = """
            import imaplib
            m = imaplib.IMAP4('127.0.0.1', %d)
            m.login('alice@demo.test', 'demo')
            m.select('Finance')
            typ, data = m.uid('FETCH', '1', '(BODY.PEEK[]<0.100>)')
            print(typ, repr(data[0][0]), len(data[0][1]))
            m.logout()
            """;

    @Test
    void theDemoAnswersThePreviewAndRecordsTheRead() throws Exception {
        Path data = dir.resolve("data");
        RunningDemo demo = RunningDemo.start(DemoRun.onFreePorts(data, DemoBackend.GREENMAIL), Clock.systemUTC());
        String out;
        try {
            out = DemoRun.python(dir, PREVIEW.formatted(demo.port("imap")));
        } finally {
            demo.close();
        }
        assertThat(out).contains("OK b'1 (UID 1 BODY[]<0> {100}' 100");
        assertThat(DemoRun.mailItemsAccessed(data, "alice@demo.test"))
                .anySatisfy(record -> assertThat(record.auditData()).contains("\\\\Finance"));
    }

    @Test
    void aResponseTheProxyCannotReadEndsTheSessionWithOneLogLineSayingWhy() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        greenMail.start();
        List<String> log = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger proxyLog = Logger.getLogger("dev.mailtrail.proxy");
        proxyLog.addHandler(capture);
        ProxyServer proxy = null;
        try {
            greenMail.setUser("alice@demo.test", "alice@demo.test", "demo");
            greenMail
                    .getManagers()
                    .getImapHostManager()
                    .createMailbox(greenMail.getManagers().getUserManager().getUser("alice@demo.test"), "Finance")
                    .appendMessage(
                            new jakarta.mail.internet.MimeMessage(
                                    jakarta.mail.Session.getInstance(new java.util.Properties()),
                                    new java.io.ByteArrayInputStream(("Message-ID: <p@demo.test>\r\nSubject: Q3\r\n\r\n"
                                                    + "x".repeat(300) + "\r\n")
                                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                            new jakarta.mail.Flags(),
                            new java.util.Date());
            proxy = ProxyServer.start(
                    ProxyConfig.of(
                            List.of(ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE)),
                            null,
                            java.util.Map.of(
                                    MailProtocol.IMAP,
                                    UpstreamConfig.plain(
                                            "127.0.0.1", greenMail.getImap().getPort()))),
                    AuditEventSink.of(event -> {}));
            String out = DemoRun.python(dir, """
                    import imaplib
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.login('alice@demo.test', 'demo')
                    m.select('Finance')
                    try:
                        m.uid('FETCH', '1', '(BODY.PEEK[]<0.100>)')
                    except imaplib.IMAP4.abort as e:
                        print('aborted', e)
                    """.formatted(proxy.address("imap").getPort()));
            assertThat(out).contains("aborted").contains("Unreadable response from the mail server withheld");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (log.stream().noneMatch(l -> l.contains("ended by the proxy")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(log.stream().filter(l -> l.contains("ended by the proxy")))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .matches("session [0-9a-f-]{36}: IMAP session from 127\\.0\\.0\\.1:\\d+ ended by the"
                                    + " proxy: \\* BYE \\[UNAVAILABLE\\] Unreadable response from the mail server"
                                    + " withheld: .+"));
        } finally {
            proxyLog.removeHandler(capture);
            if (proxy != null) {
                proxy.close();
            }
            greenMail.stop();
        }
    }
}
