package dev.mailtrail.proxy.smtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.proxy.session.IntentSink;
import dev.mailtrail.proxy.smtp.codec.SmtpReply;
import dev.mailtrail.proxy.smtp.codec.SmtpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict mode's send intents, in the order the auditor emits them: the end of a message's DATA announces the send
 * its 250 will make; the 250's send completes it and the outcome closes it; a refusal closes it before the Failed
 * send; a session that ends before the reply leaves it lost. Replayed through the audit core, each case makes
 * exactly the record it made before intents, and a lost one the announced send, flagged {@code MailTrailIntent}.
 */
class SendIntentsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private final List<AuditEvent> journal = new ArrayList<>();
    private final SmtpSessionAuditor auditor = new SmtpSessionAuditor(
            "*",
            new MailboxNames(List.of("mailtrail.test")),
            "s1",
            "198.51.100.7",
            Clock.fixed(T0, ZoneOffset.UTC),
            journal::add);

    SendIntentsTest() {
        auditor.intentsTo(new IntentSink() {
            @Override
            public void intent(AccessIntent intent) {
                journal.add(intent);
            }

            @Override
            public void outcome(IntentOutcome outcome) {
                journal.add(outcome);
            }
        });
    }

    private void c(String verb, String argument, int code) {
        auditor.onRequest(new SmtpRequest.Command(verb, argument));
        auditor.onReply(new SmtpReply(code, List.of("text")));
    }

    private void loggedInAs(String user) {
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0pw").getBytes(StandardCharsets.UTF_8));
        c("AUTH", "PLAIN " + plain, 235);
        c("MAIL", "FROM:<" + user + "@mailtrail.test>", 250);
        c("RCPT", "TO:<x@example.org>", 250);
        c("DATA", "", 354);
    }

    private void messageEnd(String header, long size) {
        auditor.onRequest(new SmtpRequest.MessageEnd(size, header.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMessagesEndAnnouncesItsSendAndTheQueuedReplyCompletesAndClosesIt() {
        loggedInAs("alice");
        messageEnd("From: alice@mailtrail.test\r\nSubject: Figures\r\nMessage-ID: <m1@x>\r\n\r\n", 120);
        assertThat(journal.getLast()).isInstanceOf(AccessIntent.class);
        AccessIntent intent = (AccessIntent) journal.getLast();
        assertThat(intent.kind()).isEqualTo(AccessIntent.Kind.SEND);
        assertThat(intent.id()).isEqualTo("s1/1");
        assertThat(auditor.answeringIntent()).isEqualTo("s1/1");
        assertThat(intent.access().operation()).isEqualTo(MailboxAction.SEND);
        assertThat(intent.access().mailbox()).isEqualTo("alice");
        assertThat(intent.access().items()).containsExactly(new ItemRef("<m1@x>", null, 120L, "Figures"));

        auditor.onReply(new SmtpReply(250, List.of("2.0.0 Ok: queued as ABC")));
        assertThat(auditor.answeringIntent()).isNull();
        MailboxAccess send = (MailboxAccess) journal.get(journal.size() - 2);
        assertThat(send.operation()).isEqualTo(MailboxAction.SEND);
        assertThat(send.items()).isEqualTo(intent.access().items());
        assertThat(journal.getLast()).isEqualTo(new IntentOutcome(T0, "alice", intent.session(), "s1/1", "OK"));

        List<AuditRecord> records = replay();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("Send");
            assertThat(flagged(r)).isFalse();
        });
    }

    @Test
    void theIntentIsInWhoseNameTheFromAndSenderSayAsTheRecordWillBe() {
        loggedInAs("bob");
        messageEnd("From: Alice <alice@mailtrail.test>\r\nSender: bob@mailtrail.test\r\nMessage-ID: <m2@x>\r\n\r\n", 9);
        MailboxAccess announced = ((AccessIntent) journal.getLast()).access();
        assertThat(announced.operation()).isEqualTo(MailboxAction.SEND_ON_BEHALF);
        assertThat(announced.mailbox()).isEqualTo("alice");
        assertThat(announced.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(announced.actor()).isEqualTo("bob");
    }

    @Test
    void aRefusedMessageClosesItsIntentWithNoAndIsTheFailedSendItWasBefore() {
        loggedInAs("alice");
        messageEnd("From: alice@mailtrail.test\r\nMessage-ID: <m3@x>\r\n\r\n", 9);
        auditor.onReply(new SmtpReply(554, List.of("5.7.1 rejected by header check")));
        assertThat(journal.get(journal.size() - 2))
                .isInstanceOfSatisfying(
                        IntentOutcome.class, o -> assertThat(o.answer()).isEqualTo("NO"));
        assertThat(journal.getLast()).isInstanceOfSatisfying(MailboxAccess.class, a -> assertThat(a.result())
                .isEqualTo(ResultStatus.FAILED));

        assertThat(replay()).singleElement().satisfies(r -> {
            assertThat(r.resultStatus()).isEqualTo("Failed");
            assertThat(flagged(r)).isFalse();
        });
    }

    @Test
    void aSessionEndingBeforeTheReplyLeavesTheSendLostAndItsRecordFlagged() {
        loggedInAs("alice");
        messageEnd("From: alice@mailtrail.test\r\nSubject: Gone\r\nMessage-ID: <m4@x>\r\n\r\n", 9);
        auditor.close();
        assertThat(journal.getLast()).isInstanceOfSatisfying(IntentOutcome.class, o -> assertThat(o.lost())
                .isTrue());

        assertThat(replay()).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("Send");
            assertThat(r.item().internetMessageId()).isEqualTo("<m4@x>");
            assertThat(r.item().subject()).isEqualTo("Gone");
            assertThat(flagged(r)).isTrue();
        });
    }

    @Test
    void aMessageWithoutMessageIdIsAnnouncedAsTheSessionsNthAndItsQueuedSendIsStillTheOnlyRecord() {
        loggedInAs("alice");
        messageEnd("From: alice@mailtrail.test\r\nSubject: no id\r\n\r\n", 9);
        assertThat(((AccessIntent) journal.getLast())
                        .access()
                        .items()
                        .getFirst()
                        .id())
                .isEqualTo("submission;session=s1;n=1");
        auditor.onReply(new SmtpReply(250, List.of("2.0.0 Ok: queued as 4Xyz12")));

        assertThat(replay()).singleElement().satisfies(r -> assertThat(r.item().id())
                .isEqualTo("submission;queue-id=4Xyz12"));
    }

    @Test
    void withoutALoginNothingIsAnnounced() {
        c("MAIL", "FROM:<alice@mailtrail.test>", 250);
        c("RCPT", "TO:<x@example.org>", 250);
        c("DATA", "", 354);
        messageEnd("From: alice@mailtrail.test\r\nMessage-ID: <m5@x>\r\n\r\n", 9);
        assertThat(auditor.answeringIntent()).isNull();
        auditor.close();
        assertThat(journal).isEmpty();
    }

    static boolean flagged(AuditRecord r) {
        return r.operationProperties() != null
                && r.operationProperties().stream().anyMatch(p -> p.name().equals("MailTrailIntent"));
    }

    /** The journal so far through the audit core, its open intents resolved as on recovery. */
    private List<AuditRecord> replay() {
        List<AuditRecord> records = new ArrayList<>();
        ReplayClock clock = new ReplayClock(T0);
        RecordGenerator core = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()), clock, records::add, () -> "id");
        for (AuditEvent e : journal) {
            clock.advanceTo(e.time());
            core.accept(e);
        }
        core.resolveIntents("recovery");
        core.flush();
        return records.stream()
                .filter(r -> !r.operation().equals("MailboxLogin"))
                .toList();
    }
}
