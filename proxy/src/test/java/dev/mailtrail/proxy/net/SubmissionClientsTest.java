package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.ResultStatus;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real submission clients (swaks, msmtp) through the proxy to a real Postfix that checks senders itself: each
 * message the server accepts is a Send, SendAs or SendOnBehalf naming the message; each it refuses (at MAIL, at
 * every RCPT, after DATA) is a Failed record; the server's log names the real client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionClientsTest {

    private static final String D = "@" + PostfixInstance.DOMAIN;

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

    private MailboxAccess awaitOne(Predicate<MailboxAccess> which) throws InterruptedException {
        List<MailboxAccess> all = h.sink.await(es -> es.stream().anyMatch(which), Duration.ofSeconds(30));
        return all.stream().filter(which).findFirst().orElseThrow();
    }

    private static Predicate<MailboxAccess> withMessage(String messageId) {
        return e -> e.items().stream().anyMatch(i -> messageId.equals(i.internetMessageId()));
    }

    @Test
    void swaksSendingAsHerselfIsASendNamingTheMessage() throws Exception {
        var out = h.swaks(
                "alice",
                "alice" + D,
                "partner@example.org",
                "--header",
                "Subject: =?UTF-8?Q?Caf=C3=A9_invoice?= 2026",
                "--header",
                "Message-Id: <send-1@mailtrail.test>");
        assertThat(out.exit()).as(out.output()).isZero();
        MailboxAccess e = awaitOne(withMessage("<send-1@mailtrail.test>"));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND);
        assertThat(e.actor()).isEqualTo("alice");
        assertThat(e.mailbox()).isEqualTo("alice");
        assertThat(e.logonType()).isEqualTo(LogonType.OWNER);
        assertThat(e.result()).isEqualTo(ResultStatus.SUCCEEDED);
        ItemRef item = e.items().getFirst();
        assertThat(item.subject()).isEqualTo("Café invoice 2026");
        assertThat(item.sizeInBytes()).isPositive();
        assertThat(e.session().clientIp()).isEqualTo("127.0.0.1");
        assertThat(e.session().clientInfo()).startsWith("Client=SMTP");
    }

    @Test
    void sendingWithAnotherUsersAddressThatTheServerAllowsIsASendAsInHerMailbox() throws Exception {
        var out = h.swaks(
                "bob",
                "alice" + D,
                "partner@example.org",
                "--header",
                "Subject: Change of bank details",
                "--header",
                "Message-Id: <sendas-1@mailtrail.test>");
        assertThat(out.exit()).as(out.output()).isZero();
        MailboxAccess e = awaitOne(withMessage("<sendas-1@mailtrail.test>"));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND_AS);
        assertThat(e.actor()).isEqualTo("bob");
        assertThat(e.mailbox()).isEqualTo("alice");
        assertThat(e.logonType()).isEqualTo(LogonType.DELEGATE);
        assertThat(e.result()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(e.items().getFirst().subject()).isEqualTo("Change of bank details");
    }

    @Test
    void aSenderTheServerRefusesIsAFailedSendAs() throws Exception {
        var out = h.swaks("carol", "alice" + D, "partner@example.org", "--header", "Subject: Not allowed");
        assertThat(out.exit()).isNotZero();
        assertThat(out.output()).contains("not owned by user carol");
        MailboxAccess e = awaitOne(x -> x.actor().equals("carol") && x.operation() == MailboxAction.SEND_AS);
        assertThat(e.result()).isEqualTo(ResultStatus.FAILED);
        assertThat(e.mailbox()).isEqualTo("alice");
        assertThat(e.items()).isEmpty();
        // Postfix delays the refusal of MAIL to the RCPT (smtpd_delay_reject): every recipient is refused
        assertThat(e.parameters().getFirst().value()).contains("not owned by user carol");
    }

    @Test
    void sendingOnBehalfOfAnotherWithHisOwnSenderIsASendOnBehalf() throws Exception {
        var out = h.swaks(
                "bob",
                "bob" + D,
                "partner@example.org",
                "--header",
                "From: Alice <alice" + D + ">",
                "--header",
                "Sender: Bob <bob" + D + ">",
                "--header",
                "Subject: On behalf",
                "--header",
                "Message-Id: <behalf-1@mailtrail.test>");
        assertThat(out.exit()).as(out.output()).isZero();
        MailboxAccess e = awaitOne(withMessage("<behalf-1@mailtrail.test>"));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND_ON_BEHALF);
        assertThat(e.actor()).isEqualTo("bob");
        assertThat(e.mailbox()).isEqualTo("alice");
    }

    @Test
    void aMessageRefusedAfterDataIsAFailedSendWithItsSubject() throws Exception {
        var out = h.swaks(
                "alice",
                "alice" + D,
                "partner@example.org",
                "--header",
                "Subject: please " + PostfixInstance.REFUSED_SUBJECT,
                "--header",
                "Message-Id: <refused-1@mailtrail.test>");
        assertThat(out.exit()).isNotZero();
        MailboxAccess e = awaitOne(withMessage("<refused-1@mailtrail.test>"));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND);
        assertThat(e.result()).isEqualTo(ResultStatus.FAILED);
        assertThat(e.items().getFirst().subject()).isEqualTo("please " + PostfixInstance.REFUSED_SUBJECT);
    }

    @Test
    void aMessageWhoseEveryRecipientIsRefusedIsAFailedSend() throws Exception {
        var out = h.swaks("bob", "bob" + D, PostfixInstance.REFUSED_RECIPIENT, "--header", "Subject: Nobody");
        assertThat(out.exit()).isNotZero();
        MailboxAccess e = awaitOne(x -> x.actor().equals("bob")
                && x.result() == ResultStatus.FAILED
                && x.parameters().stream().anyMatch(p -> p.value().contains("every recipient refused")));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND);
        assertThat(e.mailbox()).isEqualTo("bob");
    }

    @Test
    void msmtpThroughImplicitTlsIsASendOfExactlyTheBytesItSent() throws Exception {
        String message = "From: Carol <carol" + D + ">\nTo: partner@example.org\nSubject: Minutes\n"
                + "Date: Mon, 2 Nov 2026 09:00:00 +0000\nMessage-ID: <msmtp-1@mailtrail.test>\n\nHello.\n.leading dot\n";
        var out = h.client(
                message,
                "msmtp",
                "--host=127.0.0.1",
                "--port=" + h.port("submissions"),
                "--tls=on",
                "--tls-starttls=off",
                "--tls-certcheck=off",
                "--auth=login",
                "--user=carol",
                "--passwordeval=echo " + DovecotInstance.PASSWORD,
                "--from=carol" + D,
                "partner@example.org");
        assertThat(out.exit()).as(out.output()).isZero();
        MailboxAccess e = awaitOne(withMessage("<msmtp-1@mailtrail.test>"));
        assertThat(e.operation()).isEqualTo(MailboxAction.SEND);
        assertThat(e.actor()).isEqualTo("carol");
        ItemRef item = e.items().getFirst();
        assertThat(item.subject()).isEqualTo("Minutes");
        assertThat(item.sizeInBytes()).isEqualTo(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aClientFromAfarIsOfferedNoLoginBeforeTlsAndMayNotNameAnotherClient() throws Exception {
        try (LineClient c = new LineClient(h.port("submission-lb"))) {
            c.send("PROXY TCP4 203.0.113.7 127.0.0.1 50000 587");
            assertThat(c.until("220 ")).startsWith("220 mail.mailtrail.test ESMTP");
            c.send("EHLO far.example");
            String ehlo = c.until("250 ");
            assertThat(ehlo).doesNotContain("AUTH").contains("250 STARTTLS");
            c.send("AUTH PLAIN "
                    + Base64.getEncoder()
                            .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(c.line()).startsWith("538 5.7.11");
            c.send("AUTH CRAM-MD5");
            assertThat(c.line()).startsWith("538 ");
            c.send("XCLIENT ADDR=198.51.100.1");
            assertThat(c.line()).startsWith("550 ");
            c.send("BDAT 5 LAST");
            assertThat(c.line()).startsWith("554 5.5.1");
            assertThat(c.line()).isNull();
        }
        assertThat(h.postfix.awaitLog("[203.0.113.7]")).contains("[203.0.113.7]");
    }

    @Test
    void pipelinedCommandsAfterARefusedDataAreReadAsCommandsAsTheServerReadsThem() throws Exception {
        String plain = Base64.getEncoder()
                .encodeToString(("\0bob\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LineClient c = new LineClient(h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO client.example");
            c.until("250 ");
            c.send("AUTH PLAIN " + plain);
            assertThat(c.line()).startsWith("235 ");
            // no valid recipient, so DATA is refused and what follows is commands for Postfix, and for the proxy
            c.send("MAIL FROM:<bob" + D + ">\r\nRCPT TO:<" + PostfixInstance.REFUSED_RECIPIENT
                    + ">\r\nDATA\r\nRSET\r\nMAIL FROM:<bob" + D + ">\r\nRCPT TO:<partner@example.org>\r\nDATA");
            assertThat(c.line()).startsWith("250 ");
            assertThat(c.line()).startsWith("554 ");
            assertThat(c.line()).startsWith("554 ");
            assertThat(c.line()).startsWith("250 ");
            assertThat(c.line()).startsWith("250 ");
            assertThat(c.line()).startsWith("250 ");
            assertThat(c.line()).startsWith("354 ");
            c.send("Subject: second try\r\nMessage-ID: <pipelined-1@mailtrail.test>\r\n\r\nx\r\n.");
            assertThat(c.line()).startsWith("250 ");
            c.send("QUIT");
        }
        MailboxAccess sent = awaitOne(withMessage("<pipelined-1@mailtrail.test>"));
        assertThat(sent.result()).isEqualTo(ResultStatus.SUCCEEDED);
        assertThat(h.sink.events())
                .anyMatch(e -> e.actor().equals("bob")
                        && e.result() == ResultStatus.FAILED
                        && e.parameters().stream().anyMatch(p -> p.value().contains("every recipient refused")));
    }

    @Test
    void theProxyStartsTlsWithTheServerItselfAndStillNamesTheClient() throws Exception {
        UpstreamConfig starttls = new UpstreamConfig(
                "localhost",
                h.postfix.port(),
                TlsMode.STARTTLS,
                true,
                h.postfix.certificate().certificate(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        ProxyConfig config = ProxyConfig.of(
                List.of(ListenerConfig.loopback("plain", MailProtocol.SUBMISSION, 0, TlsMode.NONE)),
                null,
                java.util.Map.of(MailProtocol.SUBMISSION, starttls));
        try (ProxyServer p = ProxyServer.start(config, h.sink)) {
            var out = h.client(
                    null,
                    "swaks",
                    "--server",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(p.address("plain").getPort()),
                    "--local-interface",
                    "127.0.0.88",
                    "--auth",
                    "PLAIN",
                    "--auth-user",
                    "alice",
                    "--auth-password",
                    DovecotInstance.PASSWORD,
                    "--from",
                    "alice" + D,
                    "--to",
                    "partner@example.org",
                    "--header",
                    "Subject: over TLS upstream",
                    "--header",
                    "Message-Id: <upstream-tls-1@mailtrail.test>");
            assertThat(out.exit()).as(out.output() + h.postfix.log()).isZero();
            assertThat(out.output()).doesNotContain("STARTTLS").doesNotContain("CHUNKING");
        }
        MailboxAccess e = awaitOne(withMessage("<upstream-tls-1@mailtrail.test>"));
        assertThat(e.session().clientIp()).isEqualTo("127.0.0.88");
        String log = h.postfix.awaitLog("[127.0.0.88]");
        assertThat(log).contains("TLS connection established from localhost[127.0.0.1]");
    }

    @Test
    void aBareLineFeedInTheMessageEndsTheSessionBeforeItReachesTheServer() throws Exception {
        String plain = Base64.getEncoder()
                .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LineClient c = new LineClient(h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO client.example");
            c.until("250 ");
            c.send("AUTH PLAIN " + plain);
            assertThat(c.line()).startsWith("235 ");
            c.send("MAIL FROM:<alice" + D + ">");
            c.until("250 ");
            c.send("RCPT TO:<partner@example.org>");
            c.until("250 ");
            c.send("DATA");
            c.until("354 ");
            // "LF.LF" ends the message for some servers and not others: the smuggled second message is never sent
            c.send("Subject: smuggling\r\nMessage-ID: <smuggle-1@mailtrail.test>\r\n\r\nhi\n.\nMAIL FROM:<alice" + D
                    + ">\r\n.");
            assertThat(c.line()).startsWith("554 5.5.2 Error: bare LF in message");
            assertThat(c.line()).isNull();
        }
        h.postfix.awaitLog("lost connection after DATA");
        assertThat(h.sink.events()).noneMatch(withMessage("<smuggle-1@mailtrail.test>"));
    }

    @Test
    void commandsPipelinedAfterStarttlsAreNeverRead() throws Exception {
        try (LineClient c = new LineClient(h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO client.example");
            c.until("250 ");
            c.send("NOOP\r\nSTARTTLS\r\nMAIL FROM:<injected@example.org>");
            assertThat(c.line()).startsWith("250 ");
            assertThat(c.line()).isEqualTo("220 2.0.0 Ready to start TLS");
        }
        assertThat(h.postfix.log()).doesNotContain("injected@example.org");
    }

    @Test
    void theServerLogsTheRealClientThatTheProxyNamesWithXclient() throws Exception {
        try (LineClient c = new LineClient("127.0.0.66", h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO client.example");
            c.until("250 ");
            c.send("QUIT");
            c.until("221");
        }
        assertThat(h.postfix.awaitLog("[127.0.0.66]")).contains("[127.0.0.66]");
    }

    @Test
    void xclientFromAnUntrustedHostIsRefusedAndFromATrustedOneNamesTheClient() throws Exception {
        try (LineClient c = new LineClient("127.0.0.1", h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO webmail.example");
            assertThat(c.until("250 ")).doesNotContain("XCLIENT").doesNotContain("CHUNKING");
            c.send("XCLIENT ADDR=203.0.113.5 PORT=4000");
            assertThat(c.line()).startsWith("550 ");
        }
        String plain = Base64.getEncoder()
                .encodeToString("\0dave\0x"
                        .replace("dave", "alice")
                        .replace("\0x", "\0" + DovecotInstance.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
        try (LineClient c = new LineClient(SubmissionHarness.TRUSTED, h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO webmail.example");
            assertThat(c.until("250 ")).contains("XCLIENT");
            c.send("XCLIENT ADDR=203.0.113.5 PORT=4000");
            assertThat(c.until("220 ")).startsWith("220 ");
            c.send("EHLO webmail.example");
            c.until("250 ");
            c.send("AUTH PLAIN " + plain);
            assertThat(c.line()).startsWith("235 ");
            c.send("MAIL FROM:<alice" + D + ">");
            assertThat(c.line()).startsWith("250 ");
            c.send("RCPT TO:<partner@example.org>");
            assertThat(c.line()).startsWith("250 ");
            c.send("DATA");
            assertThat(c.line()).startsWith("354 ");
            c.send("From: alice" + D
                    + "\r\nSubject: via webmail\r\nMessage-ID: <webmail-1@mailtrail.test>\r\n\r\nHi.\r\n.");
            assertThat(c.line()).startsWith("250 ");
            c.send("QUIT");
            c.until("221");
        }
        MailboxAccess e = awaitOne(withMessage("<webmail-1@mailtrail.test>"));
        assertThat(e.session().clientIp()).isEqualTo("203.0.113.5");
        assertThat(h.postfix.awaitLog("[203.0.113.5]")).contains("[203.0.113.5]");
    }

    @Test
    void inStrictModeThe250AfterTheMessageWaitsForTheDurableSend() throws Exception {
        String plain = Base64.getEncoder()
                .encodeToString(("\0bob\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (LineClient c = new LineClient(h.port("submission"))) {
            c.until("220 ");
            c.send("EHLO client.example");
            c.until("250 ");
            c.send("AUTH PLAIN " + plain);
            assertThat(c.line()).startsWith("235 ");
            c.send("MAIL FROM:<bob@mailtrail.test>");
            c.until("250 ");
            c.send("RCPT TO:<partner@example.org>");
            c.until("250 ");
            c.send("DATA");
            c.until("354 ");
            h.sink.holdAcknowledgements();
            try {
                c.send(
                        "From: bob@mailtrail.test\r\nSubject: strict\r\nMessage-ID: <strict-1@mailtrail.test>\r\n\r\nx\r\n.");
                awaitOne(withMessage("<strict-1@mailtrail.test>"));
                assertThat(h.sink.unacknowledgedCount()).isPositive();
                assertThat(c.available())
                        .as("250 released before the Send was durable")
                        .isZero();
            } finally {
                h.sink.acknowledgeAll();
            }
            assertThat(c.line()).startsWith("250 2.0.0 Ok: queued as");
            c.send("QUIT");
        }
    }
}
