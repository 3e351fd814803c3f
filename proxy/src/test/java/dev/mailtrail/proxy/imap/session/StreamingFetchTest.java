package dev.mailtrail.proxy.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapRequestDecoder;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.DownloadRuleConfig;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decided on delivery (strict mode), a FETCH response too large to hold is recorded from what it has shown when it
 * starts to stream ({@link ImapSessionAuditor#streaming}), and its end adds no second record: also when the server
 * names the UID only after the message's text.
 */
class StreamingFetchTest {

    static final String HEADER = "Message-ID: <big@contoso.test>\r\nSubject: Archive\r\n\r\n";
    static final String REST = "x".repeat(5000) + "\r\n";
    static final int SIZE = HEADER.length() + REST.length();
    static final String READ = "MailItemsAccessed/Bind alice alice Owner \\Inbox [<big@contoso.test>]";

    private final RecordingSink sink = new RecordingSink();
    private final ImapSessionAuditor auditor = new ImapSessionAuditor(
            ImapAuditConfig.DEFAULTS.withDecideOnDelivery(true),
            "s1",
            "203.0.113.7",
            new TestClock(),
            sink,
            new DownloadActivity(DownloadRuleConfig.DEFAULTS, 10_000),
            new RememberingIdentityResolver(100));
    private final ImapRequestDecoder decoder = new ImapRequestDecoder(65_536, 1 << 20);
    private final ImapResponseScanner scanner = new ImapResponseScanner(65_536, 4096);

    @Test
    void aLargeResponseIsRecordedAsItStartsAndOnceInAll() {
        selected();
        client("f UID FETCH 7 (BODY.PEEK[])");
        server("* 1 FETCH (UID 7 BODY[] {" + SIZE + "}\r\n" + HEADER);
        auditor.streaming(scanner.fetchSoFar());
        assertThat(reads()).containsExactly(READ);
        server(REST + ")\r\nf OK Fetch completed.\r\n");
        assertThat(auditor.fetchOutstanding())
                .as("the response and its completion were read")
                .isFalse();
        auditor.close();
        assertThat(reads()).containsExactly(READ);
    }

    @Test
    void aUidThatComesAfterTheTextDoesNotMakeASecondRecord() {
        selected();
        client("f FETCH 1 (BODY.PEEK[] UID)");
        server("* 1 FETCH (BODY[] {" + SIZE + "}\r\n" + HEADER);
        auditor.streaming(scanner.fetchSoFar());
        assertThat(reads()).hasSize(1);
        server(REST + " UID 7)\r\nf OK Fetch completed.\r\n");
        assertThat(auditor.fetchOutstanding())
                .as("the response and its completion were read")
                .isFalse();
        auditor.close();
        assertThat(reads()).hasSize(1);
    }

    private List<String> reads() {
        return sink.lines().stream()
                .filter(l -> l.startsWith("MailItemsAccessed"))
                .toList();
    }

    /** Logged in as alice with INBOX selected, one message in it (whose UID the session does not yet know). */
    private void selected() {
        server("* OK ready.\r\n");
        client("a LOGIN alice secret");
        server("a OK Logged in.\r\n");
        client("s SELECT INBOX");
        server("* 1 EXISTS\r\n* OK [UIDVALIDITY 1700000000] UIDs valid\r\ns OK [READ-WRITE] Select completed.\r\n");
    }

    private void client(String line) {
        for (ImapRequest r : decoder.feed(bytes(line + "\r\n"))) {
            auditor.onRequest(r);
        }
    }

    private void server(String wire) {
        for (ImapResponse r : scanner.feed(bytes(wire))) {
            if (r instanceof ImapResponse.Tagged t) {
                decoder.serverCompleted(t.tag());
            }
            auditor.onResponse(r);
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
