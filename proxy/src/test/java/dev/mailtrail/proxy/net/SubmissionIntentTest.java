package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict mode's send intents through the proxy to a real Postfix (docs/decisions/0011): the end of a message's DATA
 * journals the send it announces before the server's reply, the reply goes to the client once that intent is
 * durable, and the journal, replayed through the audit core, makes exactly the record a send made before intents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionIntentTest {

    private static final String D = "@" + PostfixInstance.DOMAIN;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    SubmissionHarness h;

    @BeforeAll
    void start() throws Exception {
        h = new SubmissionHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT);
    }

    @AfterAll
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aSendJournalsItsIntentBeforeTheSendAndEndsAsExactlyOneSendRecord() throws Exception {
        var out = h.swaks(
                "alice",
                "alice" + D,
                "partner@example.org",
                "--header",
                "Subject: Quarterly figures",
                "--header",
                "Message-Id: <intent-1@mailtrail.test>");
        assertThat(out.exit()).as(out.output()).isZero();
        List<AuditEvent> session = sessionOf("<intent-1@mailtrail.test>");

        AccessIntent intent = (AccessIntent) session.stream()
                .filter(AccessIntent.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(intent.kind()).isEqualTo(AccessIntent.Kind.SEND);
        assertThat(intent.access().operation()).isEqualTo(MailboxAction.SEND);
        assertThat(intent.access().mailbox()).isEqualTo("alice");
        assertThat(intent.access().items().getFirst().subject()).isEqualTo("Quarterly figures");
        assertThat(intent.access().items().getFirst().sizeInBytes()).isPositive();
        int send = indexOf(session, e -> e instanceof MailboxAccess a && a.operation() == MailboxAction.SEND);
        int outcome =
                indexOf(session, e -> e instanceof IntentOutcome o && o.intent().equals(intent.id()));
        assertThat(session.indexOf(intent)).isLessThan(send);
        assertThat(send).isLessThan(outcome);
        assertThat(((IntentOutcome) session.get(outcome)).answer()).isEqualTo("OK");

        List<AuditRecord> records = records(session);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("Send");
            assertThat(r.resultStatus()).isEqualTo("Succeeded");
            assertThat(r.item().internetMessageId()).isEqualTo("<intent-1@mailtrail.test>");
            assertThat(flagged(r)).isFalse();
        });
    }

    @Test
    void theServersReplyGoesOutOnceTheIntentIsDurableWithoutWaitingForTheSendItself() throws Exception {
        String plain = Base64.getEncoder()
                .encodeToString(("\0bob\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket s = new Socket("127.0.0.1", h.port("submission"))) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            SubmissionSession.reply(in);
            assertThat(say(out, in, "EHLO client.example\r\n")).startsWith("250");
            assertThat(say(out, in, "AUTH PLAIN " + plain + "\r\n")).startsWith("235");
            assertThat(say(out, in, "MAIL FROM:<bob" + D + ">\r\n")).startsWith("250");
            assertThat(say(out, in, "RCPT TO:<partner@example.org>\r\n")).startsWith("250");
            assertThat(say(out, in, "DATA\r\n")).startsWith("354");
            h.sink.holdAcknowledgements();
            out.write(
                    ("From: bob" + D + "\r\nSubject: Held\r\nMessage-ID: <intent-2@mailtrail.test>\r\n\r\nHi.\r\n.\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the send is decided from Postfix's 250 and submitted (its acknowledgement held too) shortly after
            h.sink.await(
                    es -> es.stream().anyMatch(e -> e.items().stream()
                            .anyMatch(i -> "<intent-2@mailtrail.test>".equals(i.internetMessageId()))),
                    WAIT);
            assertThat(in.available())
                    .as("the 250 went out before its intent was durable")
                    .isZero();
            h.sink.acknowledgeIntents();
            String reply = SubmissionSession.reply(in);
            assertThat(reply).startsWith("250");
            assertThat(h.sink.unacknowledgedCount())
                    .as("the send and the outcome are still not durable: the reply waited for the intent alone")
                    .isPositive();
            h.sink.acknowledgeAll();
            assertThat(say(out, in, "QUIT\r\n")).startsWith("221");
        } finally {
            h.sink.acknowledgeAll();
        }
    }

    @Test
    void aMessageTheServerRefusesAfterDataIsItsFailedSendAndNoIntentRecord() throws Exception {
        var out = h.swaks(
                "alice",
                "alice" + D,
                "partner@example.org",
                "--header",
                "Subject: please " + PostfixInstance.REFUSED_SUBJECT,
                "--header",
                "Message-Id: <intent-3@mailtrail.test>");
        assertThat(out.exit()).isNotZero();
        List<AuditEvent> session = sessionOf("<intent-3@mailtrail.test>");
        assertThat(session)
                .filteredOn(IntentOutcome.class::isInstance)
                .singleElement()
                .satisfies(o -> assertThat(((IntentOutcome) o).answer()).isEqualTo("NO"));

        assertThat(records(session)).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("Send");
            assertThat(r.resultStatus()).isEqualTo("Failed");
            assertThat(flagged(r)).isFalse();
        });
    }

    @Test
    void aSenderTheUserMayNotUseIsRefusedBeforeDataAndAnnouncesNoSend() throws Exception {
        var out = h.swaks("carol", "alice" + D, "partner@example.org", "--header", "Subject: Not hers");
        assertThat(out.exit()).isNotZero();
        MailboxAccess failed = h
                .sink
                .await(
                        es -> es.stream()
                                .anyMatch(e -> e.actor().equals("carol") && e.operation() == MailboxAction.SEND_AS),
                        WAIT)
                .stream()
                .filter(e -> e.actor().equals("carol") && e.operation() == MailboxAction.SEND_AS)
                .findFirst()
                .orElseThrow();
        List<AuditEvent> session = sessionEvents(failed.session());
        assertThat(session).noneMatch(e -> e instanceof AccessIntent || e instanceof IntentOutcome);
        assertThat(records(session)).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("SendAs");
            assertThat(r.resultStatus()).isEqualTo("Failed");
        });
    }

    private static String say(OutputStream out, InputStream in, String line) throws Exception {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return SubmissionSession.reply(in);
    }

    /** Everything submitted for the session that announced {@code messageId}, once its intent's outcome is in. */
    private List<AuditEvent> sessionOf(String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (AuditEvent e : h.sink.submitted()) {
                if (e instanceof AccessIntent i
                        && messageId.equals(i.access().items().getFirst().internetMessageId())) {
                    List<AuditEvent> session = sessionEvents(i.session());
                    if (session.stream()
                            .anyMatch(x ->
                                    x instanceof IntentOutcome o && o.intent().equals(i.id()))) {
                        return session;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no closed intent for " + messageId + "; submitted: " + h.sink.submitted());
    }

    private List<AuditEvent> sessionEvents(Session session) {
        return h.sink.submitted().stream()
                .filter(e -> session.id().equals(sessionOf(e).id()))
                .toList();
    }

    private static Session sessionOf(AuditEvent e) {
        return switch (e) {
            case AccessIntent i -> i.session();
            case IntentOutcome o -> o.session();
            case MailboxAccess a -> a.session();
            default -> Session.NONE;
        };
    }

    private static int indexOf(List<AuditEvent> events, java.util.function.Predicate<AuditEvent> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not submitted: " + events);
    }

    /** What {@code events} make in the audit core, open intents resolved as on recovery; logins left out. */
    static List<AuditRecord> records(List<AuditEvent> events) {
        List<AuditRecord> records = new ArrayList<>();
        ReplayClock clock = new ReplayClock(
                events.isEmpty() ? Instant.EPOCH : events.getFirst().time());
        RecordGenerator core = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()), clock, records::add, () -> "id");
        for (AuditEvent e : events) {
            clock.advanceTo(e.time());
            core.accept(e);
        }
        core.resolveIntents("recovery");
        core.flush();
        return records.stream()
                .filter(r -> !r.operation().equals("MailboxLogin"))
                .toList();
    }

    static boolean flagged(AuditRecord r) {
        return r.operationProperties() != null
                && r.operationProperties().stream().anyMatch(p -> p.name().equals("MailTrailIntent"));
    }
}
