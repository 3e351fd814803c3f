package dev.mailtrail.proxy.smtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
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

/** Commands and replies in the order they cross the proxy, and the exact events the auditor emits. */
class SmtpSessionAuditorTest {

    private final List<MailboxAccess> events = new ArrayList<>();
    private final SmtpSessionAuditor auditor = new SmtpSessionAuditor(
            "*",
            new MailboxNames(List.of("mailtrail.test")),
            "s1",
            "198.51.100.7",
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC),
            events::add);

    private void c(String verb, String argument, int code, String text) {
        auditor.onRequest(new SmtpRequest.Command(verb, argument));
        auditor.onReply(new SmtpReply(code, List.of(text)));
    }

    private void message(String header, long size, int code, String text) {
        c("DATA", "", 354, "End data with <CR><LF>.<CR><LF>");
        auditor.onRequest(new SmtpRequest.MessageEnd(size, header.getBytes(StandardCharsets.UTF_8)));
        auditor.onReply(new SmtpReply(code, List.of(text)));
    }

    private static String plain(String authzid, String user) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + user + "\0pw").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMasterUserSendingInTheMailboxHeOpenedIsAnAdminSend() {
        c("EHLO", "client", 250, "mail");
        c("AUTH", "PLAIN " + plain("", "alice*auditor"), 235, "2.7.0 Authentication successful");
        c("MAIL", "FROM:<alice@mailtrail.test>", 250, "2.1.0 Ok");
        c("RCPT", "TO:<x@example.org>", 250, "2.1.5 Ok");
        message(
                "From: alice@mailtrail.test\r\nSubject: s\r\nMessage-ID: <m@x>\r\n\r\n",
                55,
                250,
                "2.0.0 Ok: queued as ABC");
        assertThat(events)
                .extracting(MailboxAccess::operation)
                .containsExactly(MailboxAction.MAILBOX_LOGIN, MailboxAction.SEND);
        MailboxAccess send = events.get(1);
        assertThat(send.actor()).isEqualTo("auditor");
        assertThat(send.mailbox()).isEqualTo("alice");
        assertThat(send.logonType()).isEqualTo(LogonType.ADMIN);
        assertThat(send.session().clientInfo()).isEqualTo("Client=SMTP; helo=client");
        assertThat(send.items().getFirst().sizeInBytes()).isEqualTo(55);
    }

    @Test
    void aMessageWithoutMessageIdIsNamedByTheServersQueueId() {
        c("AUTH", "LOGIN", 334, "VXNlcm5hbWU6");
        auditor.onRequest(new SmtpRequest.AuthResponse(Base64.getEncoder().encodeToString("bob".getBytes())));
        auditor.onReply(new SmtpReply(334, List.of("UGFzc3dvcmQ6")));
        auditor.onRequest(new SmtpRequest.AuthResponse("cHc="));
        auditor.onReply(new SmtpReply(235, List.of("ok")));
        c("MAIL", "FROM:<bob@mailtrail.test>", 250, "ok");
        c("RCPT", "TO:<x@example.org>", 250, "ok");
        message("From: Alice <ALICE@mailtrail.test>\r\nSubject: no id\r\n\r\n", 40, 250, "2.0.0 Ok: queued as 4Xyz12");
        MailboxAccess send = events.getLast();
        assertThat(send.operation()).isEqualTo(MailboxAction.SEND_AS);
        assertThat(send.mailbox()).isEqualTo("alice");
        assertThat(send.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(send.items().getFirst().internetMessageId()).isNull();
        assertThat(send.items().getFirst().id()).isEqualTo("submission;queue-id=4Xyz12");
    }

    @Test
    void someRecipientsRefusedIsStillASendAndAnAddressOfAnotherDomainIsItsOwnMailbox() {
        c("AUTH", "PLAIN " + plain("", "bob"), 235, "ok");
        c("MAIL", "FROM:<bob@mailtrail.test>", 250, "ok");
        c("RCPT", "TO:<nobody@mailtrail.test>", 550, "no such user");
        c("RCPT", "TO:<x@example.org>", 250, "ok");
        message("From: ceo@partner.example\r\nMessage-ID: <m2@x>\r\n\r\n", 10, 250, "ok");
        MailboxAccess send = events.getLast();
        assertThat(send.operation()).isEqualTo(MailboxAction.SEND_AS);
        assertThat(send.mailbox()).isEqualTo("ceo@partner.example");
        assertThat(send.result()).isEqualTo(ResultStatus.SUCCEEDED);
    }

    @Test
    void aRefusedLoginLeavesNoRecordAndNoSendIsAttributedWithoutOne() {
        c("AUTH", "PLAIN " + plain("", "bob"), 535, "5.7.8 Error: authentication failed");
        c("MAIL", "FROM:<bob@mailtrail.test>", 250, "ok");
        c("RCPT", "TO:<x@example.org>", 250, "ok");
        message("From: bob@mailtrail.test\r\n\r\n", 10, 250, "ok");
        assertThat(events).isEmpty();
    }

    @Test
    void aTransactionWhoseRecipientsWereAllRefusedIsRecordedWhenItEnds() {
        c("AUTH", "PLAIN " + plain("", "carol"), 235, "ok");
        c("MAIL", "FROM:<carol@mailtrail.test>", 250, "ok");
        c("RCPT", "TO:<a@example.org>", 554, "5.7.1 relay denied");
        auditor.close();
        assertThat(events.getLast().result()).isEqualTo(ResultStatus.FAILED);
        assertThat(events.getLast().operation()).isEqualTo(MailboxAction.SEND);
        assertThat(events.getLast().parameters().getFirst().value()).contains("554 5.7.1 relay denied");
        auditor.close();
        assertThat(events).hasSize(2);
    }

    @Test
    void aTrustedHostsClientAddressNamesTheLaterEvents() {
        auditor.clientAddress("203.0.113.5");
        c("AUTH", "PLAIN " + plain("", "alice"), 235, "ok");
        assertThat(events.getFirst().session().clientIp()).isEqualTo("203.0.113.5");
    }

    @Test
    void aLoginBeforeATrustedHostsXclientDoesNotCarryOverToTheNewSession() {
        c("AUTH", "PLAIN " + plain("", "alice"), 235, "ok");
        c("XCLIENT", "ADDR=203.0.113.5", 220, "mail.mailtrail.test ESMTP");
        c("MAIL", "FROM:<alice@mailtrail.test>", 250, "ok");
        c("RCPT", "TO:<x@example.org>", 250, "ok");
        message("From: alice@mailtrail.test\r\nMessage-ID: <m3@x>\r\n\r\n", 10, 250, "ok");
        assertThat(events).extracting(MailboxAccess::operation).containsExactly(MailboxAction.MAILBOX_LOGIN);
    }
}
