package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted submission (pipelined envelope, a refused recipient, a dot-stuffed 8-bit message with a long line) gives
 * the client the same bytes straight from Postfix and through the proxy, apart from the documented EHLO filtering and
 * the queue ids; and the message Postfix stores is the same bytes either way. In strict mode the 250 after the message
 * waits until the Send event is durable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionTransparencyTest {

    private static final Pattern QUEUE_ID = Pattern.compile("queued as ([0-9A-Za-z]+)");
    private static final Pattern EHLO_REPLY = Pattern.compile("(?m)^250-mail\\.mailtrail\\.test\\n(?:250-.*\\n)*250 .*\\n");

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

    static String message(String id) {
        return "From: Alice <alice@mailtrail.test>\r\nTo: partner@example.org\r\nSubject: HOLDME Überweisung\r\n"
                + "Date: Mon, 2 Nov 2026 09:00:00 +0000\r\nMessage-ID: <" + id + "@mailtrail.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße.\r\n..leading dot, stuffed\r\n" + "y".repeat(3000) + "\r\n\r\nend\r\n";
    }

    private static String stuffed(String message) {
        return message.replace("\r\n..", "\r\n...").replace("\r\n.leading", "\r\n..leading");
    }

    /** The session, every byte the client receives; the queue id of the held message in {@code queueId[0]}. */
    static String session(int port, String id, String[] queueId) throws IOException {
        String plain = Base64.getEncoder().encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            String[][] steps = {
                {null, "1"},
                {"EHLO client.example\r\n", "1"},
                {"AUTH PLAIN " + plain + "\r\n", "1"},
                {"MAIL FROM:<alice@mailtrail.test> BODY=8BITMIME\r\nRCPT TO:<" + PostfixInstance.REFUSED_RECIPIENT
                        + ">\r\nRCPT TO:<partner@example.org>\r\nDATA\r\n", "4"},
                {stuffed(message(id)) + ".\r\n", "1"},
                {"RSET\r\nNOOP\r\n", "2"},
                {"VRFY alice\r\n", "1"},
                {"QUIT\r\n", "1"}
            };
            for (String[] step : steps) {
                if (step[0] != null) {
                    out.write(step[0].getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                for (int n = Integer.parseInt(step[1]); n > 0; n--) {
                    String reply = reply(in);
                    Matcher m = QUEUE_ID.matcher(reply);
                    if (m.find()) {
                        queueId[0] = m.group(1);
                    }
                    all.writeBytes(reply.getBytes(StandardCharsets.UTF_8));
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String reply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    throw new IOException("connection closed after: " + reply + b);
                }
                b.write(c);
            }
            line = b.toString(StandardCharsets.UTF_8);
            reply.append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    @Test
    void aSubmissionGivesTheSameBytesDirectAndThroughTheProxy() throws Exception {
        String[] directId = new String[1];
        String[] proxiedId = new String[1];
        String direct = session(h.postfix.port(), "same-1", directId);
        String proxied = session(h.port("submission"), "same-2", proxiedId);
        Matcher d = EHLO_REPLY.matcher(direct);
        Matcher p = EHLO_REPLY.matcher(proxied);
        assertThat(d.find()).as(direct).isTrue();
        assertThat(p.find()).as(proxied).isTrue();
        assertThat(d.group()).contains("CHUNKING").contains("XCLIENT");
        assertThat(p.group()).doesNotContain("CHUNKING").doesNotContain("XCLIENT").contains("250-PIPELINING")
                .contains("250-8BITMIME").contains("250-SMTPUTF8").endsWith("250 STARTTLS\n");
        assertThat(normalise(proxied, proxiedId[0])).isEqualTo(normalise(direct, directId[0]));
        assertThat(proxied).contains("354 ").contains("250 2.0.0 Ok: queued as").contains("221 ");

        String directStored = h.postfix.heldMessage(directId[0]);
        String proxiedStored = h.postfix.heldMessage(proxiedId[0]);
        String sent = message("same-1").replace("\r\n", "\n");
        assertThat(directStored).contains(sent.substring(sent.indexOf("From:")));
        assertThat(bodyAndHeaderAsSent(proxiedStored)).isEqualTo(bodyAndHeaderAsSent(directStored).replace("same-1", "same-2"));
        assertThat(h.sink.events()).anyMatch(e -> e.operation() == MailboxAction.SEND
                && e.items().getFirst().sizeInBytes() == message("same-2").getBytes(StandardCharsets.UTF_8).length);
    }

    /** The stored message from the client's From: on (Postfix adds a Received: line with its own ids above it). */
    private static String bodyAndHeaderAsSent(String stored) {
        return stored.substring(stored.indexOf("From: Alice"));
    }

    private static String normalise(String transcript, String queueId) {
        return EHLO_REPLY.matcher(transcript).replaceFirst("EHLO\n").replace(queueId, "QUEUEID");
    }

    @Test
    void inStrictModeThe250AfterTheMessageWaitsForTheDurableSend() throws Exception {
        String plain = Base64.getEncoder().encodeToString(("\0bob\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
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
                c.send("From: bob@mailtrail.test\r\nSubject: strict\r\nMessage-ID: <strict-1@mailtrail.test>\r\n\r\nx\r\n.");
                h.sink.await(es -> es.stream().anyMatch(e -> e.operation() == MailboxAction.SEND
                        && "<strict-1@mailtrail.test>".equals(e.items().getFirst().internetMessageId())),
                        Duration.ofSeconds(20));
                assertThat(h.sink.unacknowledgedCount()).isPositive();
                assertThat(c.available()).as("250 released before the Send was durable").isZero();
            } finally {
                h.sink.acknowledgeAll();
            }
            assertThat(c.line()).startsWith("250 2.0.0 Ok: queued as");
            c.send("QUIT");
        }
    }
}
