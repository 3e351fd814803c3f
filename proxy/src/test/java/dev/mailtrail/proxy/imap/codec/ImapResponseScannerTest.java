package dev.mailtrail.proxy.imap.codec;

import static dev.mailtrail.proxy.imap.codec.Feeding.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.imap.codec.ImapResponse.Fetch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ImapResponseScannerTest {

    static List<ImapResponse> scan(String wire) {
        return Feeding.everySplit(() -> new ImapResponseScanner(4096, 256), s -> s::feed, ascii(wire));
    }

    @Test
    void readsTaggedOkWithCapabilityCode() {
        List<ImapResponse> out = scan("1 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ COMPRESS=DEFLATE] Logged in\r\n");
        ImapResponse.Tagged t = (ImapResponse.Tagged) out.get(0);
        assertThat(t.tag()).isEqualTo("1");
        assertThat(t.status()).isEqualTo("OK");
        assertThat(t.code().capabilities()).containsExactly("IMAP4REV1", "SASL-IR", "LITERAL+", "COMPRESS=DEFLATE");
        assertThat(t.text()).isEqualTo("Logged in");
    }

    @Test
    void readsTheGreetingAndSelectResponses() {
        List<ImapResponse> out = scan("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot (Debian) ready.\r\n"
                + "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                + "* OK [PERMANENTFLAGS ()] Read-only mailbox.\r\n"
                + "* 3 EXISTS\r\n"
                + "* 0 RECENT\r\n"
                + "* OK [UIDVALIDITY 1732512345] UIDs valid\r\n"
                + "* OK [UIDNEXT 4] Predicted next UID\r\n"
                + "5 OK [READ-ONLY] Select completed (0.001 + 0.000 secs).\r\n");
        assertThat(out).hasSize(8);
        assertThat(((ImapResponse.Status) out.get(0)).code().name()).isEqualTo("CAPABILITY");
        assertThat(out.get(1))
                .isEqualTo(new ImapResponse.Other(
                        "FLAGS", "* FLAGS (\\Answered \\Flagged \\Deleted" + " \\Seen \\Draft)"));
        assertThat(out.get(3)).isEqualTo(new ImapResponse.Exists(3));
        assertThat(((ImapResponse.Status) out.get(5)).code().number()).isEqualTo(OptionalLong.of(1732512345));
        assertThat(((ImapResponse.Tagged) out.get(7)).code()).isEqualTo(new ResponseCode("READ-ONLY", ""));
    }

    @Test
    void readsFetchWithLiteralBodyAndCapturesHeaders() {
        String msg = "Message-ID: <a1@example.org>\r\nSubject: Quarterly\r\n figures\r\n\r\nHello\r\n";
        List<ImapResponse> out = scan("* 7 FETCH (UID 16 RFC822.SIZE " + msg.length() + " FLAGS (\\Seen) BODY[] {"
                + msg.length() + "}\r\n" + msg + ")\r\n7 OK Fetch completed.\r\n");
        Fetch f = (Fetch) out.get(0);
        assertThat(f.sequence()).isEqualTo(7);
        assertThat(f.uid()).hasValue(16);
        assertThat(f.rfc822Size()).hasValue(msg.length());
        assertThat(f.flags()).containsExactly("\\Seen");
        FetchSection s = f.sections().get(0);
        assertThat(s.item().section()).isEmpty();
        assertThat(s.size()).isEqualTo(msg.length());
        assertThat(s.headerField("message-id")).hasValue("<a1@example.org>");
        assertThat(s.headerField("Subject")).hasValue("Quarterly figures");
        assertThat(out.get(1)).isInstanceOf(ImapResponse.Tagged.class);
    }

    @Test
    void countsLargeBodiesButKeepsOnlyTheCaptureBound() {
        ImapResponseScanner scanner = new ImapResponseScanner(4096, 64);
        int size = 1_042_122;
        byte[] head = ascii("* 5 FETCH (BODY[] {" + size + "}\r\nSubject: big\r\n");
        assertThat(scanner.feed(ByteBuffer.wrap(head))).isEmpty();
        byte[] body = new byte[size - 14];
        Arrays.fill(body, (byte) 'x');
        assertThat(scanner.feed(ByteBuffer.wrap(body))).isEmpty();
        Fetch f = (Fetch) scanner.feed(ByteBuffer.wrap(ascii(")\r\n"))).get(0);
        assertThat(f.uid()).isEmpty();
        FetchSection s = f.sections().get(0);
        assertThat(s.size()).isEqualTo(size);
        assertThat(s.captured()).hasSize(64);
        assertThat(s.complete()).isFalse();
        assertThat(s.headerField("Subject")).hasValue("big");
    }

    @Test
    void readsHeaderFieldSectionsAndSeveralSections() {
        List<ImapResponse> out = scan("* 1 FETCH (UID 3 RFC822.HEADER {20}\r\nSubject: a\r\nX: b\r\n\r\n"
                + " BODY[TEXT] {2}\r\nhi BODY[HEADER.FIELDS (SUBJECT)] \"Subject: q\" BODY[2] NIL)\r\n");
        Fetch f = (Fetch) out.get(0);
        assertThat(f.sections())
                .extracting(s -> s.item().kind())
                .containsExactly(
                        FetchItem.Kind.RFC822_HEADER,
                        FetchItem.Kind.BODY_SECTION,
                        FetchItem.Kind.BODY_SECTION,
                        FetchItem.Kind.BODY_SECTION);
        assertThat(f.sections()).extracting(FetchSection::size).containsExactly(20L, 2L, 10L, -1L);
    }

    @Test
    void readsCapabilityNamespaceAndId() {
        List<ImapResponse> out = scan("* CAPABILITY IMAP4rev1 IDLE ACL\r\n"
                + "* NAMESPACE ((\"\" \"/\")) ((\"Shared/\" \"/\")) NIL\r\n"
                + "* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n"
                + "* ID NIL\r\n");
        assertThat(out.get(0)).isEqualTo(new ImapResponse.Capability(List.of("IMAP4REV1", "IDLE", "ACL")));
        assertThat(((ImapResponse.Namespace) out.get(1)).namespaces()).hasSize(3);
        assertThat(out.get(2)).isEqualTo(new ImapResponse.Id(Map.of("name", "Dovecot")));
        assertThat(out.get(3)).isEqualTo(new ImapResponse.Id(Map.of()));
    }

    @Test
    void followsLiteralsInOtherResponses() {
        assertThat(scan("* LIST () \"/\" {7}\r\nA\r\nB\r\nC\r\n+ go on\r\n"))
                .containsExactly(
                        new ImapResponse.Other("LIST", "* LIST () \"/\" {7}"), new ImapResponse.Continuation("go on"));
    }

    @Test
    void skipsAnOverlongResponseWithItsLiteralsAndCarriesOn() {
        ImapResponseScanner scanner = new ImapResponseScanner(32, 8);
        String wire = "* SEARCH " + "1 ".repeat(40) + "{5}\r\nab\r\nc\r\n* 2 EXISTS\r\n";
        assertThat(scanner.feed(ByteBuffer.wrap(ascii(wire))))
                .containsExactly(new ImapResponse.Unreadable("line longer than 32 bytes"), new ImapResponse.Exists(2));
    }

    @Test
    void reportsBareLineEndsAndCarriesOn() {
        assertThat(scan("* 1 EXISTS\n* 2 EXISTS\r\n"))
                .containsExactly(new ImapResponse.Unreadable("bare LF in line"), new ImapResponse.Exists(2));
    }

    @Test
    void leavesTheBufferItReadsUntouched() {
        ByteBuffer buf = ByteBuffer.wrap(ascii("* 4 EXISTS\r\n"));
        new ImapResponseScanner(64, 8).feed(buf);
        assertThat(buf.position()).isZero();
        assertThat(buf.remaining()).isEqualTo(12);
    }
}
