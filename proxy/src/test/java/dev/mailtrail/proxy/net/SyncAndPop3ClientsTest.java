package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that download folders in bulk (mbsync, offlineimap over IMAP; fetchmail, poplib over POP3) and single POP3
 * reads (curl), through the proxy in strict mode: each folder downloaded becomes Sync with every message that went
 * out, each single read a Bind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncAndPop3ClientsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

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
    void mbsyncDownloadingTwoFoldersMakesSyncsWithEveryMessage() throws Exception {
        Set<String> inbox = seed("alice", "INBOX", 4);
        Set<String> finance = seed("alice", "Finance", 3);
        Path work = Files.createDirectories(dir.resolve("mbsync"));
        Files.createDirectories(work.resolve("mail"));
        Path rc = work.resolve("mbsyncrc");
        Files.writeString(rc, """
                IMAPAccount alice
                Host 127.0.0.1
                Port %d
                User alice
                Pass Secret123
                SSLType None
                AuthMechs LOGIN PLAIN

                IMAPStore alice-remote
                Account alice

                MaildirStore alice-local
                Path %s/mail/
                Inbox %s/mail/INBOX
                SubFolders Verbatim

                Channel alice
                Far :alice-remote:
                Near :alice-local:
                Patterns INBOX Finance
                Create Near
                SyncState *
                Sync Pull
                Expunge None
                """.formatted(h.port("imap"), work, work));
        h.client(null, "mbsync", "-c", rc.toString(), "-a");
        assertSynced("alice", "\\Inbox", inbox);
        assertSynced("alice", "\\Finance", finance);
    }

    @Test
    void offlineimapDownloadingAFolderMakesASyncWithEveryMessage() throws Exception {
        Set<String> sent = seed("bob", "Sent", 4);
        Path work = Files.createDirectories(dir.resolve("offlineimap"));
        Path rc = work.resolve("offlineimaprc");
        Files.writeString(rc, """
                [general]
                accounts = bob
                metadata = %1$s/meta
                ui = quiet

                [Account bob]
                localrepository = bob-local
                remoterepository = bob-remote

                [Repository bob-local]
                type = Maildir
                localfolders = %1$s/mail

                [Repository bob-remote]
                type = IMAP
                remotehost = 127.0.0.1
                remoteport = %2$d
                remoteuser = bob
                remotepass = Secret123
                ssl = no
                starttls = no
                auth_mechanisms = PLAIN, LOGIN
                folderfilter = lambda f: f in ['Sent']
                readonly = True
                """.formatted(work, h.port("imap")));
        h.client(null, "offlineimap", "-c", rc.toString(), "-o", "-u", "quiet");
        assertSynced("bob", "\\Sent", sent);
        assertThat(h.sink.events())
                .filteredOn(e -> e.actor().equals("bob")
                        && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && e.folder().path().equals("\\Sent"))
                .allSatisfy(e -> assertThat(e.session().clientInfo()).startsWith("Client=IMAP4; name=OfflineIMAP"));
    }

    @Test
    void fetchmailOverPop3MakesASyncOfTheInbox() throws Exception {
        Set<String> inbox = seed("bob", "INBOX", 3);
        Path work = fetchmail("bob", "keep", "fetchmail");
        assertThat(Files.readString(work.resolve("delivered.mbox")))
                .contains(inbox.iterator().next());
        List<MailboxAccess> events = h.sink.await(es -> pop3Read(es, "bob", inbox) != null, WAIT);
        MailboxAccess read = pop3Read(events, "bob", inbox);
        assertThat(read.accessType()).isEqualTo(MailAccessType.SYNC);
    }

    @Test
    void oneFetchOfSeveralMessagesIsASyncFromItsFirstMessageOn() throws Exception {
        Set<String> projects = seed("carol", "Projects", 3);
        h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('carol', 'Secret123')
                m.select('Projects', readonly=True)
                m.fetch('1:3', '(BODY.PEEK[])')
                m.logout()
                """.formatted(h.port("imap")));
        List<MailboxAccess> events =
                h.sink.await(es -> syncedIds(es, "carol", "\\Projects").containsAll(projects), WAIT);
        assertThat(events)
                .filteredOn(e -> e.actor().equals("carol")
                        && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && e.folder().path().equals("\\Projects"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.accessType()).isEqualTo(MailAccessType.SYNC));
    }

    @Test
    void fetchmailFetchingAllWithoutUidlMakesSyncsFromItsFirstMessage() throws Exception {
        // "fetchall" sends STAT, then LIST n and RETR n for each message: no enumeration before the first read
        Set<String> inbox = seed("alice", "INBOX", 3);
        fetchmail("alice", "keep fetchall", "fetchmail-all");
        List<MailboxAccess> events = h.sink.await(
                es -> pop3Reads(es, "alice").stream()
                        .flatMap(e -> e.items().stream())
                        .map(ItemRef::internetMessageId)
                        .collect(Collectors.toSet())
                        .containsAll(inbox),
                WAIT);
        assertThat(pop3Reads(events, "alice")).isNotEmpty().allSatisfy(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.SYNC));
    }

    @Test
    void poplibRetrievingEveryMessageIsSyncAndCurlRetrievingOneIsBind() throws Exception {
        Set<String> inbox = seed("carol", "INBOX", 2);
        h.python("""
                import poplib
                p = poplib.POP3('127.0.0.1', %d)
                p.user('carol')
                p.pass_('Secret123')
                count, size = p.stat()
                for i in range(1, count + 1):
                    p.retr(i)
                p.dele(1)
                p.quit()
                """.formatted(h.port("pop3")));
        List<MailboxAccess> events = h.sink.await(
                es -> es.stream()
                        .filter(e -> e.actor().equals("carol"))
                        .anyMatch(e -> e.accessType() == MailAccessType.SYNC),
                WAIT);
        Set<String> synced = events.stream()
                .filter(e -> e.actor().equals("carol") && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .flatMap(e -> e.items().stream())
                .map(ItemRef::internetMessageId)
                .collect(Collectors.toSet());
        assertThat(synced).containsAll(inbox);
        List<MailboxAccess> deleted = h.sink.await(
                es -> es.stream()
                        .anyMatch(e -> e.actor().equals("carol") && e.operation() == MailboxAction.HARD_DELETE),
                WAIT);
        assertThat(deleted)
                .filteredOn(e -> e.actor().equals("carol") && e.operation() == MailboxAction.HARD_DELETE)
                .singleElement()
                .satisfies(e -> assertThat(e.items()).hasSize(1));

        String out = h.client(
                null,
                "curl",
                "-sS",
                "--max-time",
                "20",
                "pop3://127.0.0.1:" + h.port("pop3") + "/1",
                "-u",
                "alice:Secret123");
        assertThat(out).contains("Message-ID:");
        h.sink.await(
                es -> es.stream()
                        .anyMatch(e -> e.actor().equals("alice")
                                && e.session().clientInfo().equals("Client=POP3")
                                && e.accessType() == MailAccessType.BIND),
                WAIT);
    }

    private Set<String> seed(String user, String folder, int n) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(h.dovecot.seed(user, folder, folder + " message " + i, "Body of message " + i + ".\n".repeat(20)));
        }
        return ids;
    }

    private void assertSynced(String actor, String folder, Set<String> ids) throws InterruptedException {
        List<MailboxAccess> events =
                h.sink.await(es -> syncedIds(es, actor, folder).containsAll(ids), WAIT);
        List<MailboxAccess> reads = events.stream()
                .filter(e -> e.actor().equals(actor)
                        && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && e.folder().path().equals(folder))
                .toList();
        assertThat(reads).isNotEmpty().allSatisfy(e -> assertThat(e.accessType())
                .isEqualTo(MailAccessType.SYNC));
    }

    private static Set<String> syncedIds(List<MailboxAccess> events, String actor, String folder) {
        return events.stream()
                .filter(e -> e.actor().equals(actor)
                        && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && e.accessType() == MailAccessType.SYNC
                        && e.folder().path().equals(folder))
                .flatMap(e -> e.items().stream())
                .map(ItemRef::internetMessageId)
                .collect(Collectors.toSet());
    }

    /** Runs fetchmail over POP3 for {@code user} with {@code options} ("keep", "keep fetchall"); its work directory. */
    private Path fetchmail(String user, String options, String name) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        Path rc = work.resolve("fetchmailrc");
        Files.writeString(rc, """
                set no syslog
                poll 127.0.0.1 service %d protocol POP3 auth password
                  user "%s" there with password "Secret123" is "%s" here
                  %s
                  sslproto ''
                  mda "/bin/sh -c 'cat >> %s/delivered.mbox'"
                """.formatted(h.port("pop3"), user, user, options, work));
        rc.toFile().setReadable(false, false);
        rc.toFile().setReadable(true, true);
        try {
            h.client(
                    null,
                    "fetchmail",
                    "-f",
                    rc.toString(),
                    "-i",
                    work.resolve("ids").toString(),
                    "--nodetach");
        } catch (AssertionError e) {
            if (!e.getMessage().contains("exited 1:")) { // 1: nothing new, not a failure here
                throw e;
            }
        }
        return work;
    }

    private static List<MailboxAccess> pop3Reads(List<MailboxAccess> events, String actor) {
        return events.stream()
                .filter(e -> e.actor().equals(actor)
                        && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && "Client=POP3".equals(e.session().clientInfo()))
                .toList();
    }

    private static MailboxAccess pop3Read(List<MailboxAccess> events, String actor, Set<String> ids) {
        return events.stream()
                .filter(e -> e.actor().equals(actor) && e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .filter(e -> e.items().stream().anyMatch(i -> ids.contains(i.internetMessageId())))
                .findFirst()
                .orElse(null);
    }
}
