package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict mode and a message larger than {@code max-held-bytes} (40 MB against 16 MiB), with the real Dovecot: the
 * message's record is made and acknowledged before its first byte reaches the client, so a client that reads half
 * and disconnects leaves a record naming it; a whole read still leaves one record; POP3 the same. A client that
 * half-closes after its commands gets their answers, with their records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeResponseRecordTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int LINE = 78;
    static final int SIZE = 40_000_000;

    private ProxyHarness h;
    private String large;
    private String small;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT);
        large = h.dovecot.seed("alice", "INBOX", "Quarterly archive", largeBody());
        small = h.dovecot.seed("alice", "INBOX", "Lunch", "Noon at the usual place.");
        h.dovecot.seed("bob", "INBOX", "Quarterly archive", largeBody());
    }

    @org.junit.jupiter.api.AfterAll
    void stop() throws Exception {
        h.close();
    }

    static String largeBody() {
        return ("x".repeat(LINE - 1) + "\n").repeat(SIZE / LINE);
    }

    @Test
    void aClientThatReadsHalfAndDisconnectsLeavesTheRecordOfTheMessage() throws Exception {
        try (ByteClient c = imap()) {
            c.send("f1 FETCH 1 (BODY.PEEK[])");
            String first = c.line();
            assertThat(first).startsWith("* 1 FETCH").contains("{");
            c.skip(SIZE / 2);
        }
        h.sink.await(es -> reads(es, large) >= 1, WAIT);
    }

    @Test
    void theFirstByteWaitsForTheAcknowledgementOfTheRecord() throws Exception {
        try (ByteClient c = imap()) {
            h.sink.holdAcknowledgements();
            try {
                int before = h.sink.events().size();
                c.send("f2 UID FETCH 1 (BODY.PEEK[])");
                h.sink.await(es -> es.size() > before && reads(es.subList(before, es.size()), large) == 1, WAIT);
                Thread.sleep(500); // the proxy has had time to release anything it would release early
                assertThat(c.available())
                        .as("bytes of the large message released before its record was durable")
                        .isZero();
            } finally {
                h.sink.acknowledgeAll();
            }
            assertThat(c.line()).startsWith("* 1 FETCH (UID 1");
        }
    }

    @Test
    void aWholeLargeReadLeavesExactlyOneRecord() throws Exception {
        int before = h.sink.events().size();
        try (ByteClient c = imap()) {
            c.send("f3 FETCH 1 (BODY.PEEK[])");
            assertThat(c.until("f3 ")).contains("f3 OK");
            c.send("n NOOP");
            c.until("n ");
            c.send("l LOGOUT");
            c.until("l ");
        }
        Thread.sleep(500);
        List<MailboxAccess> after = h.sink.events();
        // this session's events: those of an earlier session may still come in late (kept back for a group commit)
        String session = after.subList(before, after.size()).stream()
                .filter(e -> e.operation() == MailboxAction.MAILBOX_LOGIN)
                .reduce((first, second) -> second)
                .orElseThrow()
                .session()
                .id();
        List<MailboxAccess> mine = after.subList(before, after.size()).stream()
                .filter(e -> session.equals(e.session().id()))
                .toList();
        assertThat(reads(mine, large)).as(RecordingAuditSink.describe(mine)).isEqualTo(1);
    }

    @Test
    void aPop3RetrievalCutShortLeavesItsRecord() throws Exception {
        try (ByteClient c = new ByteClient(h.port("pop3"))) {
            c.line();
            c.send("USER bob");
            c.line();
            c.send("PASS Secret123");
            assertThat(c.line()).startsWith("+OK");
            c.send("RETR 1");
            assertThat(c.line()).startsWith("+OK");
            c.skip(SIZE / 2);
        }
        h.sink.await(
                es -> es.stream()
                        .anyMatch(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                                && e.mailbox().equals("bob")
                                && e.items().stream()
                                        .anyMatch(i -> i.internetMessageId() != null
                                                && i.internetMessageId().contains(".bob@"))),
                WAIT);
    }

    @Test
    void aClientThatHalfClosesGetsItsAnswersAndTheReadItsRecord() throws Exception {
        int before = h.sink.events().size();
        String rest;
        try (ByteClient c = new ByteClient(h.port("imap"))) {
            c.send("a LOGIN alice Secret123").send("b SELECT INBOX").send("c FETCH 2 (BODY[])");
            c.socket.shutdownOutput();
            rest = c.drain();
        }
        assertThat(rest).contains("Noon at the usual place.").contains("c OK");
        h.sink.await(es -> es.size() > before && reads(es.subList(before, es.size()), small) == 1, WAIT);
    }

    private ByteClient imap() throws Exception {
        ByteClient c = new ByteClient(h.port("imap"));
        c.line();
        c.send("a LOGIN alice Secret123");
        c.until("a ");
        c.send("s SELECT INBOX");
        assertThat(c.until("s ")).contains("s OK");
        return c;
    }

    /** How many MailItemsAccessed records among {@code events} name {@code messageId}. */
    static long reads(List<MailboxAccess> events, String messageId) {
        return events.stream()
                .filter(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                .filter(e -> e.items().stream().anyMatch(i -> messageId.equals(i.internetMessageId())))
                .count();
    }
}
