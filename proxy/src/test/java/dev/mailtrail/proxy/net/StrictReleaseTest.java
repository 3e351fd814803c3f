package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict mode: a message's bytes reach the client only once its access event is acknowledged as durable, later
 * output waits behind them in order, and a failed acknowledgement withholds the message and ends the session. Async
 * mode lets the bytes go at once.
 */
class StrictReleaseTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String BODY = "The merger closes on Friday; tell no one.";

    @TempDir
    Path dir;

    @Test
    void theMessageWaitsForItsAcknowledgementAndWhatFollowsWaitsBehindIt() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Merger", BODY);
            try (LineClient c = open(h)) {
                h.sink.holdAcknowledgements();
                c.send("f1 FETCH 1 (BODY.PEEK[])").send("n1 NOOP");
                h.sink.awaitAny(MailboxAction.MAIL_ITEMS_ACCESSED, WAIT);
                assertThat(h.sink.unacknowledgedCount()).isPositive();
                assertThat(c.available())
                        .as("bytes released before the event was durable")
                        .isZero();
                h.sink.acknowledgeAll();
                String released = c.until("n1 ");
                assertThat(released).contains(BODY);
                assertThat(released.indexOf("f1 OK")).isGreaterThan(released.indexOf(BODY));
                assertThat(released.indexOf("n1 OK")).isGreaterThan(released.indexOf("f1 OK"));
            }
        }
    }

    @Test
    void aFailedAcknowledgementWithholdsTheMessageAndEndsTheSession() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Merger", BODY);
            try (LineClient c = open(h)) {
                h.sink.holdAcknowledgements();
                c.send("f1 FETCH 1 (BODY.PEEK[])");
                h.sink.awaitAny(MailboxAction.MAIL_ITEMS_ACCESSED, WAIT);
                h.sink.failAll();
                String rest = c.rest();
                assertThat(rest)
                        .doesNotContain(BODY)
                        .contains("* BYE [UNAVAILABLE] Audit journal unavailable; nothing more is released.");
            }
        }
    }

    @Test
    void aPop3RetrievalWaitsForItsAcknowledgementToo() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("bob", "INBOX", "Merger", BODY);
            try (LineClient c = new LineClient(h.port("pop3"))) {
                c.line();
                c.send("USER bob");
                c.line();
                c.send("PASS Secret123");
                assertThat(c.line()).startsWith("+OK");
                h.sink.holdAcknowledgements();
                c.send("RETR 1").send("NOOP");
                h.sink.awaitAny(MailboxAction.MAIL_ITEMS_ACCESSED, WAIT);
                assertThat(c.available())
                        .as("bytes released before the event was durable")
                        .isZero();
                h.sink.acknowledgeAll();
                String released = c.until(".");
                assertThat(released).contains(BODY);
                assertThat(c.line()).startsWith("+OK");
            }
        }
    }

    @Test
    void aReadStreamsOnceItsIntentIsDurableWithoutWaitingForItsOwnAcknowledgement() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Merger", BODY);
            h.dovecot.seed("alice", "INBOX", "Lunch", "Noon at the usual place.");
            try (LineClient c = open(h)) {
                h.sink.holdAcknowledgements();
                c.send("f1 UID FETCH 1:2 (BODY.PEEK[])");
                h.sink.awaitIntents(1, WAIT);
                h.sink.await(
                        es -> es.stream()
                                        .filter(e -> e.operation() == MailboxAction.MAIL_ITEMS_ACCESSED)
                                        .count()
                                >= 2,
                        WAIT);
                Thread.sleep(300); // the proxy has had time to release anything it would release early
                assertThat(c.available())
                        .as("bytes released before the intent was durable")
                        .isZero();
                h.sink.acknowledgeIntents();
                String released = c.until("f1 ");
                assertThat(released)
                        .contains(BODY)
                        .contains("Noon at the usual place.")
                        .contains("f1 OK");
                assertThat(h.sink.unacknowledgedCount())
                        .as("the reads themselves are still not durable")
                        .isPositive();
                assertThat(h.sink.intents())
                        .first()
                        .isInstanceOfSatisfying(dev.mailtrail.core.event.AccessIntent.class, i -> assertThat(
                                        i.access().items())
                                .extracting(dev.mailtrail.core.event.ItemRef::id)
                                .allMatch(id -> id.endsWith(";uid=1") || id.endsWith(";uid=2"))
                                .hasSize(2));
                h.sink.acknowledgeAll();
            }
        }
    }

    @Test
    void asyncModeReleasesTheMessageWithoutWaiting() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.ASYNC)) {
            h.dovecot.seed("alice", "INBOX", "Merger", BODY);
            try (LineClient c = open(h)) {
                h.sink.holdAcknowledgements();
                c.send("f1 FETCH 1 (BODY.PEEK[])");
                assertThat(c.until("f1 ")).contains(BODY).contains("f1 OK");
                h.sink.acknowledgeAll();
            }
        }
    }

    private static LineClient open(ProxyHarness h) throws Exception {
        LineClient c = new LineClient(h.port("imap"));
        c.line();
        c.send("a LOGIN alice Secret123");
        c.until("a ");
        c.send("s SELECT INBOX");
        assertThat(c.until("s ")).contains("s OK");
        return c;
    }
}
