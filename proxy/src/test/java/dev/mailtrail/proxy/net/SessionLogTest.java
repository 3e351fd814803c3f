package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy logs each session as a mail server does: the login (who, into which mailbox, as what, from where, with
 * which client), a refused login (with the real client's address, which the server behind the proxy never sees) and
 * the end (from where, how long, how many audit events).
 */
class SessionLogTest {

    @TempDir
    Path dir;

    @Test
    void aLoginAndTheSessionsEndAreLoggedWithWhoFromWhereAndHowManyEvents() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger proxyLog = Logger.getLogger("dev.mailtrail.proxy");
        proxyLog.addHandler(capture);
        try (ProxyHarness h = new ProxyHarness(dir, AuditMode.STRICT)) {
            h.python("""
                    import imaplib, poplib
                    m = imaplib.IMAP4('127.0.0.1', %d)
                    m.xatom('ID', '("name" "logtest" "version" "1.0")')
                    m.login('alice', 'Secret123')
                    m.select('INBOX')
                    m.logout()
                    try:
                        imaplib.IMAP4('127.0.0.1', %d).login('alice', 'wrong')
                    except imaplib.IMAP4.error:
                        print('refused')
                    p = poplib.POP3('127.0.0.1', %d)
                    p.user('bob')
                    try:
                        p.pass_('wrong')
                    except poplib.error_proto:
                        print('refused')
                    """.formatted(h.port("imap"), h.port("imap"), h.port("pop3")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (lines.stream().filter(l -> l.contains("closed after")).count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            proxyLog.removeHandler(capture);
        }
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .matches("session [0-9a-f-]{36}: alice logged in to alice \\(Owner\\) from 127\\.0\\.0\\.1,"
                                + " Client=IMAP4; name=logtest; version=1\\.0"))
                .anySatisfy(l -> assertThat(l)
                        .matches("session [0-9a-f-]{36}: IMAP login failed for \"alice\" from 127\\.0\\.0\\.1"
                                + " \\(Client=IMAP4\\)"))
                .anySatisfy(l -> assertThat(l).endsWith(": POP3 login failed for \"bob\" from 127.0.0.1 (Client=POP3)"))
                .anySatisfy(l -> assertThat(l)
                        .matches("session [0-9a-f-]{36}: IMAP connection from 127\\.0\\.0\\.1:\\d+ closed after \\d+ s,"
                                + " [1-9]\\d* audit events"));
    }
}
