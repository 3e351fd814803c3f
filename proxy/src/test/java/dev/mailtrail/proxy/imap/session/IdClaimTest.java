package dev.mailtrail.proxy.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapRequest;
import dev.mailtrail.proxy.imap.codec.ImapRequestDecoder;
import dev.mailtrail.proxy.imap.codec.ImapResponse;
import dev.mailtrail.proxy.imap.codec.ImapResponseScanner;
import dev.mailtrail.proxy.session.ClientOrigin;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code ID x-originating-ip}/{@code x-originating-port} name the end user only from a trusted peer, only in the
 * first ID, only before login: Dovecot's rules for {@code login_trusted_networks}.
 */
class IdClaimTest {

    private final RecordingSink sink = new RecordingSink();
    private final ImapRequestDecoder decoder = new ImapRequestDecoder(65_536, 1 << 20);
    private final ImapResponseScanner scanner = new ImapResponseScanner(65_536, 4096);

    private ImapSessionAuditor auditor(boolean trusted) {
        ClientOrigin origin = new ClientOrigin("IMAP", "s1", new InetSocketAddress("127.0.0.1", 50000), trusted);
        return new ImapSessionAuditor(
                ImapAuditConfig.DEFAULTS,
                "s1",
                origin,
                new TestClock(),
                sink,
                ImapTranscript.activity(),
                new RememberingIdentityResolver(100));
    }

    private void exchange(ImapSessionAuditor a, String command, String answer) {
        for (ImapRequest r : decoder.feed(ascii(command + "\r\n"))) {
            a.onRequest(r);
        }
        for (ImapResponse r : scanner.feed(ascii(answer))) {
            if (r instanceof ImapResponse.Tagged t) {
                decoder.serverCompleted(t.tag());
            }
            a.onResponse(r);
        }
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private String loginIp() {
        return sink.events.getFirst().session().clientIp();
    }

    @Test
    void aTrustedPeersFirstIdBeforeLoginNamesTheEndUser() {
        ImapSessionAuditor a = auditor(true);
        exchange(
                a,
                "a ID (\"name\" \"Roundcube\" \"x-originating-ip\" \"203.0.113.5\" \"x-originating-port\" \"4711\")",
                "* ID NIL\r\na OK ID completed.\r\n");
        exchange(a, "b ID (\"x-originating-ip\" \"198.51.100.1\")", "* ID NIL\r\nb OK ID completed.\r\n");
        exchange(a, "c LOGIN alice pw", "c OK Logged in\r\n");
        exchange(a, "d ID (\"x-originating-ip\" \"192.0.2.1\")", "* ID NIL\r\nd OK ID completed.\r\n");
        exchange(a, "e SELECT INBOX", "* 0 EXISTS\r\n* OK [UIDVALIDITY 7] x\r\ne OK [READ-WRITE] done\r\n");
        assertThat(loginIp()).isEqualTo("203.0.113.5");
        assertThat(sink.events.getFirst().session().clientInfo()).isEqualTo("Client=IMAP4; name=Roundcube");
        assertThat(sink.events)
                .allSatisfy(e -> assertThat(e.session().clientIp()).isEqualTo("203.0.113.5"));
    }

    @Test
    void anUntrustedPeerKeepsItsOwnAddress() {
        ImapSessionAuditor a = auditor(false);
        exchange(a, "a ID (\"x-originating-ip\" \"203.0.113.5\")", "* ID NIL\r\na OK ID completed.\r\n");
        exchange(a, "c LOGIN alice pw", "c OK Logged in\r\n");
        assertThat(loginIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedPeerWithoutAClaimIsItselfTheClient() {
        ImapSessionAuditor a = auditor(true);
        exchange(a, "a ID (\"name\" \"Thunderbird\")", "* ID NIL\r\na OK ID completed.\r\n");
        exchange(a, "c LOGIN alice pw", "c OK Logged in\r\n");
        assertThat(loginIp()).isEqualTo("127.0.0.1");
    }
}
