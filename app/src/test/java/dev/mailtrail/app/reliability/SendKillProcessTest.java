package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} as soon as the client has Postfix's 250 for a message: the 250 went out
 * once the send's intent, journaled when the message's end went to Postfix, was durable (docs/decisions/0011); the
 * send decided from it is kept back to share the next group commit and, killed within that, was not journaled (then
 * the intent is resolved into the Send, flagged {@code MailTrailIntent}; in the runs so far always). After the
 * restart the message has exactly one Send record either way.
 */
class SendKillProcessTest {

    private static final String MESSAGE_ID = "<killed-send@mailtrail.test>";

    @TempDir
    Path dir;

    @Test
    void aSendWhoseReplyReachedTheClientBeforeKill9HasExactlyOneSendRecordAfterTheRestart() throws Exception {
        PostfixInstance.assumeInstalled();
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
                PostfixInstance postfix =
                        PostfixInstance.start(Files.createDirectories(dir.resolve("postfix")), dovecot)) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String submission = """

                    [upstream submission]
                    host = 127.0.0.1
                    port = %d

                    [listener submission]
                    protocol = submission
                    address = 127.0.0.1
                    port = %d
                    local-domains = %s
                    """.formatted(postfix.port(), port, PostfixInstance.DOMAIN);
            try (ServeProcess serve =
                    ServeProcess.start(dir.resolve("proxy.conf"), submission, dovecot.imapPort(), data, null)) {
                String reply;
                try {
                    reply = sendAndKill(serve, port);
                } catch (java.net.ConnectException e) {
                    throw new AssertionError("mt serve is not listening on " + port + ":\n" + serve.printed(), e);
                }
                assertThat(reply).as(serve.printed()).startsWith("250");
            }
        }
        List<String> sends = sendsAfterRestart(data);
        assertThat(sends)
                .as("the message whose 250 the client had before kill -9 has exactly one Send record")
                .singleElement()
                .satisfies(r -> assertThat(r).contains("\"Operation\":\"Send\"").contains("Board minutes"));
    }

    /** Sends one message as alice and kills the process as soon as the reply to its end has arrived. */
    private static String sendAndKill(ServeProcess serve, int port) throws Exception {
        String plain = Base64.getEncoder()
                .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket c = new Socket("127.0.0.1", port)) {
            c.setSoTimeout(60_000);
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            reply(in);
            say(out, in, "EHLO client.example\r\n", "250");
            say(out, in, "AUTH PLAIN " + plain + "\r\n", "235");
            say(out, in, "MAIL FROM:<alice@" + PostfixInstance.DOMAIN + ">\r\n", "250");
            say(out, in, "RCPT TO:<partner@example.org>\r\n", "250");
            say(out, in, "DATA\r\n", "354");
            out.write(("From: alice@" + PostfixInstance.DOMAIN + "\r\nSubject: Board minutes\r\nMessage-ID: "
                            + MESSAGE_ID + "\r\n\r\nAttached.\r\n.\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = reply(in);
            serve.process.destroyForcibly();
            assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return reply;
        }
    }

    private static void say(OutputStream out, InputStream in, String line, String expected) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(reply(in)).as(line).startsWith(expected);
    }

    /** One reply, its continuation lines too. */
    private static String reply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed after: " + reply + b);
                }
                b.write(c);
            }
            line = b.toString(StandardCharsets.US_ASCII).strip();
            reply.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    /** The records of {@code data} naming the message, once the journal's replay resolved what it left open. */
    private static List<String> sendsAfterRestart(Path data) throws Exception {
        AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "restart")
                .close();
        List<String> sends = new ArrayList<>();
        try (AuditPipeline restarted =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
            restarted.mailboxLog().export(r -> {
                if (r.auditData().contains(MESSAGE_ID)) {
                    sends.add(r.auditData());
                }
                return true;
            });
        }
        return sends;
    }
}
