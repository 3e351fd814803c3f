package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real IMAP clients through the proxy in front of a real Dovecot, each with the events it must produce. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImapClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    ProxyHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new ProxyHarness(dir, AuditMode.STRICT);
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void pythonImaplibReadingOneMessageMakesALoginAndOneBindWithItsMessageId() throws Exception {
        String id = h.dovecot.seed("carol", "INBOX", "Quarterly figures", "The figures are attached.");
        String out = h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('carol', 'Secret123')
                m.select('INBOX')
                typ, data = m.fetch('1', '(RFC822)')
                print(data[0][1].decode().split('\\r\\n')[2])
                m.logout()
                """.formatted(h.port("imap")));
        assertThat(out).contains("Subject: Quarterly figures");
        List<MailboxAccess> events =
                h.sink.await(RecordingAuditSink.has(MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.BIND), WAIT);
        List<MailboxAccess> carol =
                events.stream().filter(e -> e.actor().equals("carol")).toList();
        assertThat(carol).extracting(MailboxAccess::operation).contains(MailboxAction.MAILBOX_LOGIN);
        MailboxAccess bind = carol.stream()
                .filter(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .findFirst()
                .orElseThrow();
        assertThat(bind.logonType()).isEqualTo(LogonType.OWNER);
        assertThat(bind.accessType()).isEqualTo(MailAccessType.BIND);
        assertThat(bind.folder().path()).isEqualTo("\\Inbox");
        assertThat(bind.items()).singleElement().satisfies(i -> {
            assertThat(i.internetMessageId()).isEqualTo(id);
            assertThat(i.sizeInBytes()).isPositive();
        });
        assertThat(bind.session().clientIp()).isEqualTo("127.0.0.1");
    }
}
