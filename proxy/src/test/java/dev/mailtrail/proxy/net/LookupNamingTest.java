package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients that never fetch a header (curl, imaplib) reading body text and deleting through the proxy in front
 * of a real Dovecot, whose master user {@code auditor} is the proxy's lookup account: every record names its
 * messages by InternetMessageId and Subject. Each test works in its own user's mailbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupNamingTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final LookupAccount AUDITOR =
            new LookupAccount(DovecotInstance.MASTER, DovecotInstance.MASTER_PASSWORD, Duration.ofSeconds(5));

    @TempDir
    static Path dir;

    ProxyHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new ProxyHarness(
                Files.createDirectories(dir.resolve("named")),
                AuditMode.STRICT,
                false,
                ImapAuditConfig.DEFAULTS,
                AUDITOR,
                port -> port);
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void snippetAndPreviewAreReadsThatNameTheirMessages() throws Exception {
        String invoice =
                h.dovecot.seed("carol", "INBOX", "Invoice INV-2026-0412", "Invoice INV-2026-0412, EUR 48,900.00");
        String wire = h.dovecot.seed("carol", "INBOX", "Wire today", "Please wire the funds today.");
        String out = h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('carol', 'Secret123')
                m.select('INBOX')
                print(m.uid('FETCH', '1', '(SNIPPET (FUZZY))'))
                print(m.uid('FETCH', '2', '(PREVIEW)'))
                m.logout()
                """.formatted(h.port("imap")));
        assertThat(out).contains("EUR 48,900.00").contains("Please wire the funds today");
        List<MailboxAccess> events = h.sink.await(read(invoice).and(read(wire)), WAIT);
        assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, invoice).subject())
                .isEqualTo("Invoice INV-2026-0412");
        assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, wire).subject())
                .isEqualTo("Wire today");
        assertThat(events)
                .filteredOn(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && e.mailbox().equals("carol"))
                .extracting(MailboxAccess::accessType)
                .containsExactly(MailAccessType.BIND, MailAccessType.BIND);
    }

    @Test
    void curlsStoreAndExpungeNameTheDeletedMessage() throws Exception {
        h.dovecot.seed("bob", "INBOX", "Keep", "Keep this.");
        String gone = h.dovecot.seed("bob", "INBOX", "Payment details changed", "Our bank has changed.");
        String url = "imap://127.0.0.1:" + h.port("imap") + "/INBOX";
        h.client(null, "curl", "-sS", url, "-u", "bob:Secret123", "-X", "UID STORE 2 +FLAGS (\\Deleted)");
        h.client(null, "curl", "-sS", url, "-u", "bob:Secret123", "-X", "EXPUNGE");
        List<MailboxAccess> events = h.sink.await(has(MailboxAction.HARD_DELETE, gone), WAIT);
        assertThat(named(events, MailboxAction.SOFT_DELETE, gone).subject()).isEqualTo("Payment details changed");
        ItemRef hard = named(events, MailboxAction.HARD_DELETE, gone);
        assertThat(hard.subject()).isEqualTo("Payment details changed");
        assertThat(hard.sizeInBytes()).isPositive();
        assertThat(hard.id()).endsWith(";uid=2");
    }

    @Test
    void imaplibReadingBodyPartsAndMovingToTrashThenPurgingNamesEveryMessage() throws Exception {
        String text = h.dovecot.seed("alice", "INBOX", "Board minutes", "Minutes of the board.");
        String part = h.dovecot.seed("alice", "INBOX", "Salaries 2026", "The salaries.");
        String out = h.python("""
                import imaplib
                m = imaplib.IMAP4('127.0.0.1', %d)
                m.login('alice', 'Secret123')
                m.select('INBOX')
                print(m.fetch('1', '(BODY.PEEK[TEXT])'))
                print(m.uid('FETCH', '2', '(BINARY.PEEK[1])'))
                print(m._simple_command('UID', 'MOVE', '2', 'Trash'))
                m.select('Trash')
                print(m.store('1', '+FLAGS', '(\\\\Deleted)'))
                print(m.expunge())
                m.select('INBOX')
                print(m.store('1', '+FLAGS', '(\\\\Deleted)'))
                print(m.close())
                m.logout()
                """.formatted(h.port("imap")));
        assertThat(out).contains("Minutes of the board").contains("The salaries");
        List<MailboxAccess> events =
                h.sink.await(has(MailboxAction.HARD_DELETE, part).and(has(MailboxAction.HARD_DELETE, text)), WAIT);
        assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, text).subject())
                .isEqualTo("Board minutes");
        assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, part).subject())
                .isEqualTo("Salaries 2026");
        assertThat(named(events, MailboxAction.MOVE_TO_DELETED_ITEMS, part).subject())
                .isEqualTo("Salaries 2026");
        MailboxAccess purge = events.stream()
                .filter(e -> e.operation() == MailboxAction.HARD_DELETE
                        && e.mailbox().equals("alice")
                        && e.folder().path().equals("\\Trash"))
                .findFirst()
                .orElseThrow();
        assertThat(purge.items()).extracting(ItemRef::internetMessageId).containsExactly(part);
        MailboxAccess closed = events.stream()
                .filter(e -> e.operation() == MailboxAction.HARD_DELETE
                        && e.mailbox().equals("alice")
                        && e.folder().path().equals("\\Inbox"))
                .findFirst()
                .orElseThrow();
        assertThat(closed.items()).extracting(ItemRef::subject).containsExactly("Board minutes");
    }

    @Test
    void aLookupConnectionCutMidSessionLeavesTheSessionUpTheItemUnnamedAndTheNextLookupConnectsAgain()
            throws Exception {
        try (CuttableRelay relay = new CuttableRelay();
                ProxyHarness cut = harnessBehind(relay)) {
            String first = cut.dovecot.seed("alice", "INBOX", "First", "One.");
            String second = cut.dovecot.seed("alice", "INBOX", "Second", "Two.");
            try (LineClient c = new LineClient(cut.port("imap"))) {
                c.until("* OK");
                c.send("a1 LOGIN alice Secret123").until("a1 ");
                c.send("a2 SELECT INBOX").until("a2 OK");
                c.send("a3 UID FETCH 1 (BODY.PEEK[TEXT])").until("a3 OK");
                assertThat(relay.lookupsOpened()).isEqualTo(1);
                relay.cutLookups();
                assertThat(c.send("a4 UID STORE 2 +FLAGS.SILENT (\\Deleted)").until("a4 "))
                        .contains("a4 OK");
                assertThat(c.send("a5 UID EXPUNGE 2").until("a5 ")).contains("a5 OK");
                c.send("a6 LOGOUT").until("a6 ");
            }
            List<MailboxAccess> events = cut.sink.await(has(MailboxAction.HARD_DELETE, second), WAIT);
            assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, first).subject())
                    .isEqualTo("First");
            MailboxAccess soft = events.stream()
                    .filter(e -> e.operation() == MailboxAction.SOFT_DELETE)
                    .findFirst()
                    .orElseThrow();
            assertThat(soft.items()).singleElement().satisfies(i -> {
                assertThat(i.internetMessageId()).isNull();
                assertThat(i.id()).endsWith(";uid=2");
            });
            assertThat(soft.parameters()).singleElement().satisfies(p -> assertThat(p.value())
                    .startsWith("unknown for uid=2: the lookup failed"));
            assertThat(relay.lookupsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aPop3DeleOfAMessageNeverRetrievedIsNamedBeforeTheQuitReachesTheServer() throws Exception {
        try (ProxyHarness pop = new ProxyHarness(
                Files.createDirectories(dir.resolve("pop3")),
                AuditMode.STRICT,
                false,
                ImapAuditConfig.DEFAULTS,
                AUDITOR,
                port -> port)) {
            String kept = pop.dovecot.seed("bob", "INBOX", "Read first", "Read.");
            String gone = pop.dovecot.seed("bob", "INBOX", "Never opened", "Gone unread.");
            pop.python("""
                    import poplib
                    p = poplib.POP3('127.0.0.1', %d)
                    p.user('bob')
                    p.pass_('Secret123')
                    p.retr(1)
                    p.dele(1)
                    p.dele(2)
                    p.quit()
                    """.formatted(pop.port("pop3")));
            List<MailboxAccess> events = pop.sink.await(has(MailboxAction.HARD_DELETE, gone), WAIT);
            MailboxAccess delete = events.stream()
                    .filter(e -> e.operation() == MailboxAction.HARD_DELETE)
                    .findFirst()
                    .orElseThrow();
            assertThat(delete.items()).extracting(ItemRef::internetMessageId).containsExactly(kept, gone);
            assertThat(delete.items()).extracting(ItemRef::subject).containsExactly("Read first", "Never opened");
        }
    }

    @Test
    void fetchmailsImapDownloadBySequenceNumbersNamesEveryMessage() throws Exception {
        try (ProxyHarness fm = new ProxyHarness(
                Files.createDirectories(dir.resolve("fetchmail")),
                AuditMode.STRICT,
                false,
                ImapAuditConfig.DEFAULTS,
                AUDITOR,
                port -> port)) {
            String one = fm.dovecot.seed("alice", "INBOX", "Quarterly report", "Revenue is up.");
            String two = fm.dovecot.seed("alice", "INBOX", "Bank details", "New IBAN attached.");
            Path work = Files.createDirectories(dir.resolve("fetchmail-work"));
            Path rc = work.resolve("fetchmailrc");
            Files.writeString(rc, """
                    set no syslog
                    poll 127.0.0.1 service %d protocol IMAP auth password
                      user "alice" there with password "Secret123" is "alice" here
                      keep
                      sslproto ''
                      mda "/bin/sh -c 'cat >> %s/delivered.mbox'"
                    """.formatted(fm.port("imap"), work));
            rc.toFile().setReadable(false, false);
            rc.toFile().setReadable(true, true);
            fm.client(null, "fetchmail", "-f", rc.toString(), "--nodetach");
            assertThat(Files.readString(work.resolve("delivered.mbox"))).contains("New IBAN attached.");
            List<MailboxAccess> events = fm.sink.await(read(one).and(read(two)), WAIT);
            ItemRef first = named(events, MailboxAction.MAIL_ITEMS_ACCESSED, one);
            assertThat(first.subject()).isEqualTo("Quarterly report");
            assertThat(first.id()).endsWith(";uid=1");
            assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, two).subject())
                    .isEqualTo("Bank details");
        }
    }

    @Test
    void aLookupThatDoesNotAnswerInTimeReleasesTheCommandAndTheRecordSaysWhy() throws Exception {
        LookupAccount quick = new LookupAccount(AUDITOR.user(), AUDITOR.password(), Duration.ofMillis(500));
        try (CuttableRelay relay = new CuttableRelay();
                ProxyHarness slow = harnessBehind(relay, quick, "slow")) {
            slow.dovecot.seed("alice", "INBOX", "First", "One.");
            String second = slow.dovecot.seed("alice", "INBOX", "Second", "Two.");
            try (LineClient c = new LineClient(slow.port("imap"))) {
                c.until("* OK");
                c.send("a1 LOGIN alice Secret123").until("a1 ");
                c.send("a2 SELECT INBOX").until("a2 OK");
                c.send("a3 UID FETCH 1 (BODY.PEEK[TEXT])").until("a3 OK"); // the lookup connection is up
                relay.stallLookups(true);
                assertThat(c.send("a4 UID STORE 2 +FLAGS.SILENT (\\Deleted)").until("a4 "))
                        .contains("a4 OK");
                relay.stallLookups(false);
                assertThat(c.send("a5 UID EXPUNGE 2").until("a5 ")).contains("a5 OK");
                c.send("a6 LOGOUT").until("a6 ");
            }
            List<MailboxAccess> events = slow.sink.await(has(MailboxAction.HARD_DELETE, second), WAIT);
            MailboxAccess soft = events.stream()
                    .filter(e -> e.operation() == MailboxAction.SOFT_DELETE)
                    .findFirst()
                    .orElseThrow();
            assertThat(soft.items()).singleElement().satisfies(i -> assertThat(i.internetMessageId())
                    .isNull());
            assertThat(soft.parameters()).singleElement().satisfies(p -> assertThat(p.value())
                    .isEqualTo("unknown for uid=2: the lookup did not answer within 500 ms"));
            assertThat(relay.lookupsOpened()).isEqualTo(2);
        }
    }

    @Test
    void commandsPipelinedInOneWriteAreEachNamedWithWhatTheOnesBeforeThemTaught() throws Exception {
        try (ProxyHarness p = new ProxyHarness(
                Files.createDirectories(dir.resolve("pipelined")),
                AuditMode.STRICT,
                false,
                ImapAuditConfig.DEFAULTS,
                AUDITOR,
                port -> port)) {
            String one = p.dovecot.seed("bob", "INBOX", "One", "First body.");
            String two = p.dovecot.seed("bob", "INBOX", "Two", "Second body.");
            String trashed = p.dovecot.seed("bob", "Trash", "Old", "Old body.");
            try (LineClient c = new LineClient(p.port("imap"))) {
                c.until("* OK");
                c.send("a1 LOGIN bob Secret123").until("a1 ");
                c.send("a2 SELECT INBOX").until("a2 OK");
                c.send("a3 FETCH 1 (BODY.PEEK[TEXT])\r\na4 FETCH 2 (BODY.PEEK[TEXT])")
                        .until("a4 ");
                c.send("a5 SELECT Trash").until("a5 OK");
                c.send("a6 STORE 1 +FLAGS.SILENT (\\Deleted)\r\na7 FETCH 1 (BINARY.PEEK[1])")
                        .until("a7 ");
                // the EXPUNGE's lookup waits until the STORE before it is done, so both see the \Deleted
                String purge = c.send("a9 STORE 1 +FLAGS.SILENT (\\Deleted)\r\na10 EXPUNGE")
                        .until("a10 ");
                assertThat(purge).contains("* 1 EXPUNGE").contains("a10 OK");
                c.send("a8 LOGOUT").until("a8 ");
            }
            List<MailboxAccess> events = p.sink.await(has(MailboxAction.HARD_DELETE, trashed), WAIT);
            assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, one).subject())
                    .isEqualTo("One");
            assertThat(named(events, MailboxAction.MAIL_ITEMS_ACCESSED, two).subject())
                    .isEqualTo("Two");
            assertThat(named(events, MailboxAction.SOFT_DELETE, trashed).id()).contains("/Trash;");
        }
    }

    private ProxyHarness harnessBehind(CuttableRelay relay) throws Exception {
        return harnessBehind(relay, AUDITOR, "cut");
    }

    private ProxyHarness harnessBehind(CuttableRelay relay, LookupAccount account, String name) throws Exception {
        return new ProxyHarness(
                Files.createDirectories(dir.resolve(name)),
                AuditMode.STRICT,
                false,
                ImapAuditConfig.DEFAULTS,
                account,
                port -> relay.forwardTo(port));
    }

    private static Predicate<List<MailboxAccess>> read(String messageId) {
        return has(MailboxAction.MAIL_ITEMS_ACCESSED, messageId);
    }

    private static Predicate<List<MailboxAccess>> has(MailboxAction action, String messageId) {
        return es -> es.stream()
                .anyMatch(e -> e.operation() == action
                        && e.items().stream().anyMatch(i -> messageId.equals(i.internetMessageId())));
    }

    private static ItemRef named(List<MailboxAccess> events, MailboxAction action, String messageId) {
        return events.stream()
                .filter(e -> e.operation() == action)
                .flatMap(e -> e.items().stream())
                .filter(i -> messageId.equals(i.internetMessageId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        action + " naming " + messageId + " not found in" + RecordingAuditSink.describe(events)));
    }
}
