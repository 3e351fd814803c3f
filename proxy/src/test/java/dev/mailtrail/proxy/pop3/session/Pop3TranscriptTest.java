package dev.mailtrail.proxy.pop3.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.session.RecordingSink;
import dev.mailtrail.proxy.imap.session.TestClock;
import dev.mailtrail.proxy.pop3.codec.Pop3Request;
import dev.mailtrail.proxy.pop3.codec.Pop3RequestDecoder;
import dev.mailtrail.proxy.pop3.codec.Pop3Response;
import dev.mailtrail.proxy.pop3.codec.Pop3ResponseScanner;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3TranscriptTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pop3-fetchmail.txt",
                "pop3-curl-retr-one.txt",
                "pop3-master-user.txt",
                "pop3-dele-quit.txt",
                "pop3-failed-login.txt"
            })
    void transcriptProducesExactlyTheExpectedEvents(String name) throws IOException {
        RecordingSink sink = new RecordingSink();
        Pop3SessionAuditor auditor =
                new Pop3SessionAuditor("*", DownloadRuleConfig.DEFAULTS, "p1", "203.0.113.7", new TestClock(), sink);
        Pop3RequestDecoder decoder = new Pop3RequestDecoder(1024);
        Pop3ResponseScanner scanner = new Pop3ResponseScanner(1024, 4096);
        List<String> expected = new ArrayList<>();
        for (String line : read(name)) {
            if (line.startsWith("C: ")) {
                for (Pop3Request r : decoder.feed(bytes(line.substring(3) + "\r\n"))) {
                    if (r instanceof Pop3Request.Command c) {
                        scanner.expect(c);
                    }
                    auditor.onRequest(r);
                }
            } else if (line.startsWith("S: ")) {
                String text = line.substring(3);
                String wire =
                        text.matches("\\{msg:\\d+\\}") ? message(text.substring(5, text.length() - 1)) : text + "\r\n";
                for (Pop3Response r : scanner.feed(bytes(wire))) {
                    if (!(r instanceof Pop3Response.Continuation)) {
                        decoder.serverCompleted();
                    }
                    auditor.onResponse(r);
                }
            } else if (line.startsWith("E: ")) {
                expected.add(line.substring(3));
            }
        }
        auditor.close();
        assertThat(sink.lines()).as(name).containsExactlyElementsOf(expected);
    }

    /**
     * Strict mode and a message too large to hold: the retrieval is recorded from its headers as it starts to go out
     * ({@link Pop3SessionAuditor#streaming}), and its end adds no second record.
     */
    @org.junit.jupiter.api.Test
    void aRetrievalRecordedAsItStartsToStreamIsRecordedOnce() {
        RecordingSink sink = new RecordingSink();
        Pop3SessionAuditor auditor = new Pop3SessionAuditor(
                "*", DownloadRuleConfig.DEFAULTS, "p1", "203.0.113.7", new TestClock(), sink, true);
        Pop3RequestDecoder decoder = new Pop3RequestDecoder(1024);
        Pop3ResponseScanner scanner = new Pop3ResponseScanner(1024, 64);
        java.util.function.Consumer<String> client = line -> {
            for (Pop3Request r : decoder.feed(bytes(line + "\r\n"))) {
                if (r instanceof Pop3Request.Command c) {
                    scanner.expect(c);
                }
                auditor.onRequest(r);
            }
        };
        java.util.function.Consumer<String> server = wire -> {
            for (Pop3Response r : scanner.feed(bytes(wire))) {
                decoder.serverCompleted();
                auditor.onResponse(r);
            }
        };
        server.accept("+OK ready.\r\n");
        client.accept("USER alice");
        server.accept("+OK\r\n");
        client.accept("PASS secret");
        server.accept("+OK Logged in.\r\n");
        client.accept("RETR 1");
        server.accept("+OK 50000000 octets\r\n" + message("1"));
        assertThat(scanner.bodyLargerThan(16L << 20)).isTrue();
        auditor.streaming(scanner.bodySoFar());
        assertThat(sink.lines())
                .last()
                .isEqualTo("MailItemsAccessed/Bind alice alice Owner \\Inbox [<p1@contoso.test>]");
        server.accept("more text\r\n.\r\n");
        client.accept("QUIT");
        server.accept("+OK Logging out.\r\n");
        auditor.close();
        assertThat(sink.lines())
                .containsExactly(
                        "MailboxLogin alice alice Owner",
                        "MailItemsAccessed/Bind alice alice Owner \\Inbox [<p1@contoso.test>]");
    }

    private static String message(String n) {
        return "Message-ID: <p" + n + "@contoso.test>\r\nSubject: Message " + n + "\r\n\r\n..stuffed line " + n
                + "\r\n";
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> read(String name) throws IOException {
        try (InputStream in = Pop3TranscriptTest.class.getResourceAsStream("/transcripts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
