package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real IMAP clients reading single messages through the proxy (strict mode) in front of a real Dovecot, each with
 * the events it must produce. Each test works in its own user's folder, so the shared Bind/Sync memory of one does
 * not colour another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImapClientsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

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
        MailboxAccess bind = read(id);
        assertThat(bind.actor()).isEqualTo("carol");
        assertThat(bind.logonType()).isEqualTo(LogonType.OWNER);
        assertThat(bind.accessType()).isEqualTo(MailAccessType.BIND);
        assertThat(bind.folder().path()).isEqualTo("\\Inbox");
        assertThat(bind.items()).singleElement().satisfies(i -> assertThat(i.sizeInBytes())
                .isPositive());
        assertThat(bind.session().clientIp()).isEqualTo("127.0.0.1");
        assertThat(h.sink.events())
                .anyMatch(e -> e.actor().equals("carol") && e.operation() == MailboxAction.MAILBOX_LOGIN);
    }

    @Test
    void muttInBatchModeReadingOneMessageMakesOneBindWithItsMessageId() throws Exception {
        String id = h.dovecot.seed("alice", "INBOX", "Lunch on Friday?", "Shall we try the new place?");
        Path work = Files.createDirectories(dir.resolve("mutt"));
        Path rc = work.resolve("muttrc");
        Files.writeString(rc, """
                set folder = "imap://alice@127.0.0.1:%d/"
                set spoolfile = "+INBOX"
                set imap_user = "alice"
                set imap_pass = "Secret123"
                set ssl_starttls = no
                set ssl_force_tls = no
                set imap_check_subscribed = no
                set wait_key = no
                set quit = yes
                set record = ""
                set pipe_decode = no
                push "<pipe-message>cat > %s<enter><quit>"
                """.formatted(h.port("imap"), work.resolve("read.eml")));
        h.client(null, "script", "-qec", "TERM=xterm mutt -n -F " + rc, "/dev/null");
        assertThat(Files.readString(work.resolve("read.eml"))).contains("Subject: Lunch on Friday?");
        MailboxAccess bind = read(id);
        assertThat(bind.accessType()).isEqualTo(MailAccessType.BIND);
        assertThat(bind.actor()).isEqualTo("alice");
        assertThat(bind.items()).hasSize(1);
    }

    @Test
    void curlFetchingOneMessageByUidMakesABind() throws Exception {
        String id = h.dovecot.seed("bob", "Finance", "Invoice 2026-117", "Please pay within 30 days.");
        String out = h.client(
                null,
                "curl",
                "-sS",
                "--max-time",
                "20",
                "imap://127.0.0.1:" + h.port("imap") + "/Finance;UID=1",
                "-u",
                "bob:Secret123");
        assertThat(out).contains("Invoice 2026-117");
        MailboxAccess bind = read(id);
        assertThat(bind.accessType()).isEqualTo(MailAccessType.BIND);
        assertThat(bind.folder().path()).isEqualTo("\\Finance");
    }

    @Test
    void masterUserLoginReadingSomeonesMessageIsAnAdminBind() throws Exception {
        String id = h.dovecot.seed("carol", "Sent", "Re: contract", "Signed copy attached.");
        h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('carol*auditor', 'Master456')
                m.select('Sent', readonly=True)
                m.fetch('1', '(BODY.PEEK[])')
                m.logout()
                """.formatted(h.port("imap")));
        MailboxAccess bind = read(id);
        assertThat(bind.logonType()).isEqualTo(LogonType.ADMIN);
        assertThat(bind.actor()).isEqualTo("auditor");
        assertThat(bind.mailbox()).isEqualTo("carol");
    }

    @Test
    void readingAnotherUsersSharedFolderIsADelegateBindInTheirMailbox() throws Exception {
        String id = h.dovecot.seed("bob", "Sent", "Board minutes", "Confidential.");
        h.dovecot.acl("bob", "Sent", "user=alice", "lookup", "read");
        h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('alice', 'Secret123')
                m.namespace()
                typ, data = m.select('"Shared/bob/Sent"', readonly=True)
                assert typ == 'OK', data
                m.fetch('1', '(BODY.PEEK[])')
                m.logout()
                """.formatted(h.port("imap")));
        MailboxAccess bind = read(id);
        assertThat(bind.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(bind.actor()).isEqualTo("alice");
        assertThat(bind.mailbox()).isEqualTo("bob");
        assertThat(bind.folder().path()).isEqualTo("\\Sent");
    }

    @Test
    void deletesMovesAndAclChangesAreRecorded() throws Exception {
        String a = h.dovecot.seed("carol", "Drafts", "draft one", "one");
        String b = h.dovecot.seed("carol", "Drafts", "draft two", "two");
        String c = h.dovecot.seed("carol", "Drafts", "draft three", "three");
        h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('carol', 'Secret123')
                m.select('Drafts')
                m.uid('STORE', '1', '+FLAGS', '(\\\\Deleted)')
                m.expunge()
                m.uid('MOVE', '2', 'Trash')
                m.uid('COPY', '3', 'Trash')
                typ, data = m.setacl('Drafts', 'bob', 'lr')
                assert typ == 'OK', data
                m.logout()
                """.formatted(h.port("imap")));
        List<MailboxAccess> events = h.sink.await(
                es -> es.stream().anyMatch(e -> e.operation() == MailboxAction.UPDATE_FOLDER_PERMISSIONS), WAIT);
        List<MailboxAccess> carol = events.stream()
                .filter(e -> e.actor().equals("carol")
                        && e.folder() != null
                        && e.folder().path().equals("\\Drafts"))
                .toList();
        assertThat(carol)
                .extracting(MailboxAccess::operation)
                .contains(
                        MailboxAction.SOFT_DELETE,
                        MailboxAction.HARD_DELETE,
                        MailboxAction.MOVE_TO_DELETED_ITEMS,
                        MailboxAction.COPY,
                        MailboxAction.UPDATE_FOLDER_PERMISSIONS);
        MailboxAccess moved = carol.stream()
                .filter(e -> e.operation() == MailboxAction.MOVE_TO_DELETED_ITEMS)
                .findFirst()
                .orElseThrow();
        assertThat(moved.items()).extracting(i -> i.internetMessageId()).containsAnyOf(b, null);
        assertThat(List.of(a, b, c)).doesNotContainNull();
    }

    @Test
    void aLargeAppendStreamsThroughAndIsACreateWithItsMessageId() throws Exception {
        h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('bob', 'Secret123')
                msg = (b'Message-ID: <big-append@mailtrail.test>\\r\\nSubject: big\\r\\n\\r\\n'
                       + b'0123456789abcdef' * 200000 + b'\\r\\n')
                typ, data = m.append('Drafts', None, None, msg)
                assert typ == 'OK', data
                m.logout()
                """.formatted(h.port("imap")));
        List<MailboxAccess> events = h.sink.await(
                es -> es.stream()
                        .anyMatch(e -> e.operation() == MailboxAction.CREATE
                                && e.actor().equals("bob")),
                WAIT);
        MailboxAccess create = events.stream()
                .filter(e -> e.operation() == MailboxAction.CREATE && e.actor().equals("bob"))
                .findFirst()
                .orElseThrow();
        assertThat(create.folder().path()).isEqualTo("\\Drafts");
        assertThat(create.items()).singleElement().satisfies(i -> assertThat(i.internetMessageId())
                .isEqualTo("<big-append@mailtrail.test>"));
    }

    /** The read of the message with {@code messageId}, waited for. */
    MailboxAccess read(String messageId) throws InterruptedException {
        List<MailboxAccess> events = h.sink.await(es -> find(es, messageId) != null, WAIT);
        return find(events, messageId);
    }

    static MailboxAccess find(List<MailboxAccess> events, String messageId) {
        return events.stream()
                .filter(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .filter(e -> e.items().stream().anyMatch(i -> messageId.equals(i.internetMessageId())))
                .findFirst()
                .orElse(null);
    }
}
