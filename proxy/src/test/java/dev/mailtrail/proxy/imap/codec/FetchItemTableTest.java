package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every FETCH data item of RFC 9051 and of the extensions Dovecot, Cyrus, Stalwart and James advertise (RFC 3516
 * BINARY, RFC 7162 CONDSTORE/QRESYNC, RFC 8474 OBJECTID, RFC 8514 SAVEDATE, RFC 8970 PREVIEW, Dovecot's SNIPPET,
 * Gmail's X-GM-EXT-1), judged twice: as a client asks for it, and as a server answers with it. Whatever carries text
 * of the message is content both ways; a name the proxy does not know is content both ways.
 */
class FetchItemTableTest {

    @ParameterizedTest(name = "{0} asked: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // RFC 9051 §6.4.5
                "FLAGS | METADATA",
                "UID | METADATA",
                "INTERNALDATE | METADATA",
                "RFC822.SIZE | METADATA",
                "BODYSTRUCTURE | STRUCTURE",
                "BODY | STRUCTURE",
                "ENVELOPE | HEADERS",
                "BODY[HEADER] | HEADERS",
                "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)] | HEADERS",
                "BODY.PEEK[HEADER.FIELDS.NOT (X-SPAM)] | HEADERS",
                "BODY[1.MIME] | HEADERS",
                "BODY[] | CONTENT",
                "BODY.PEEK[] | CONTENT",
                "BODY[]<0.100> | CONTENT",
                "BODY[TEXT] | CONTENT",
                "BODY.PEEK[TEXT]<0.2048> | CONTENT",
                "BODY[1] | CONTENT",
                "BODY.PEEK[1.2] | CONTENT",
                "BODY[2.TEXT] | CONTENT",
                "BODY[2.HEADER] | CONTENT",
                "BODY.PEEK[2.HEADER.FIELDS (SUBJECT)] | CONTENT",
                // RFC 3501 items kept by RFC 9051's IMAP4rev1 compatibility
                "RFC822 | CONTENT",
                "RFC822.TEXT | CONTENT",
                "RFC822.HEADER | HEADERS",
                // RFC 3516 BINARY
                "BINARY[1] | CONTENT",
                "BINARY.PEEK[1] | CONTENT",
                "BINARY.PEEK[]<0.10> | CONTENT",
                "BINARY.SIZE[1] | STRUCTURE",
                // RFC 7162 CONDSTORE / QRESYNC
                "MODSEQ | METADATA",
                // RFC 8474 OBJECTID, RFC 8514 SAVEDATE
                "EMAILID | METADATA",
                "THREADID | METADATA",
                "SAVEDATE | METADATA",
                // Gmail X-GM-EXT-1, Cyrus
                "X-GM-MSGID | METADATA",
                "X-GM-THRID | METADATA",
                "X-GM-LABELS | METADATA",
                "DIGEST.SHA1 | METADATA",
                "CREATEDMODSEQ | METADATA",
                // RFC 8970 PREVIEW, Dovecot's SNIPPET (its draft): text cut from the body
                "PREVIEW | CONTENT",
                "SNIPPET | CONTENT",
                // Anything else, e.g. RFC 5257 ANNOTATION, RFC 5259 CONVERT's items, a vendor's own
                "ANNOTATION | CONTENT",
                "X-VENDOR-TEXT | CONTENT",
                "X-VENDOR[1] | CONTENT",
            })
    void whatARequestedItemOpens(String item, FetchAccess expected) throws Exception {
        assertThat(FetchAccessClassifier.classify(FetchItem.parse(item))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a UID FETCH 1:10 (SNIPPET (FUZZY))",
                "a UID FETCH 1:10 (UID PREVIEW (LAZY))",
                "a FETCH 1 (UID \"BODY[]\")",
                "a FETCH 1 (FLAGS X-UNKNOWN)",
            })
    void aRequestWithAnItemsOwnArgumentsOrAnOddItemIsContent(String line) throws Exception {
        assertThat(FetchAccessClassifier.classify(FetchItemsTest.fetch(line))).isEqualTo(FetchAccess.CONTENT);
    }

    @ParameterizedTest(name = "{0} answered: content {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FLAGS (\\Seen) | false",
                "INTERNALDATE \"02-Nov-2026 09:01:00 +0000\" | false",
                "RFC822.SIZE 420 | false",
                "ENVELOPE (NIL \"Invoice\" NIL NIL NIL NIL NIL NIL NIL \"<a@b>\") | false",
                "BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 12 1) | false",
                "BODY (\"text\" \"plain\" NIL NIL NIL \"7bit\" 12 1) | false",
                "BODY[HEADER.FIELDS (SUBJECT)] {18}\\r\\nSubject: Invoice\\r\\n | false",
                "RFC822.HEADER {18}\\r\\nSubject: Invoice\\r\\n | false",
                "MODSEQ (12) | false",
                "EMAILID (M6d99ac3275bb4e) | false",
                "THREADID NIL | false",
                "SAVEDATE \"02-Nov-2026 09:01:00 +0000\" | false",
                "X-GM-MSGID 1278455344230334865 | false",
                "X-GM-LABELS (\\Inbox \"Finance\") | false",
                "BINARY.SIZE[1] 12 | false",
                "BODY[] {12}\\r\\nInvoice EUR. | true",
                "BODY[TEXT] {12}\\r\\nInvoice EUR. | true",
                "BODY[TEXT]<0> {12}\\r\\nInvoice EUR. | true",
                "BODY[1] \"Invoice EUR.\" | true",
                "BODY[2.HEADER] {18}\\r\\nSubject: Invoice\\r\\n | true",
                "BINARY[1] ~{12}\\r\\nInvoice EUR. | true",
                "RFC822 {12}\\r\\nInvoice EUR. | true",
                "RFC822.TEXT {12}\\r\\nInvoice EUR. | true",
                "PREVIEW \"Invoice INV-2026-0412, EUR 48,900.00\" | true",
                "PREVIEW {12}\\r\\nInvoice EUR. | true",
                "SNIPPET (FUZZY \"Invoice INV-2026-0412, EUR 48,900.00\") | true",
                "X-UNKNOWN \"Invoice INV-2026-0412\" | true",
                "X-UNKNOWN {12}\\r\\nInvoice EUR. | true",
                "X-UNKNOWN (\"Invoice\" 12) | true",
                "X-UNKNOWN 12 | true",
                "X-VENDOR[1] \"Invoice\" | true",
            })
    void whatAnAnsweredItemCarries(String item, boolean content) {
        String wire = "* 1 FETCH (UID 8 " + item.replace("\\r\\n", "\r\n") + ")\r\n";
        ImapResponseScanner scanner = new ImapResponseScanner(4096, 1024);
        List<ImapResponse> out = scanner.feed(ByteBuffer.wrap(wire.getBytes(StandardCharsets.UTF_8)));
        assertThat(out).singleElement().isInstanceOf(ImapResponse.Fetch.class);
        ImapResponse.Fetch f = (ImapResponse.Fetch) out.getFirst();
        assertThat(f.uid()).hasValue(8);
        boolean carried =
                f.sections().stream().anyMatch(s -> FetchAccessClassifier.classify(s.item()) == FetchAccess.CONTENT);
        assertThat(carried).isEqualTo(content);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "* 8 UIDFETCH (PREVIEW \"Invoice\")",
            })
    void anRfc9586UidFetchIsReadWithItsUid(String wire) {
        ImapResponseScanner scanner = new ImapResponseScanner(4096, 1024);
        List<ImapResponse> out = scanner.feed(ByteBuffer.wrap((wire + "\r\n").getBytes(StandardCharsets.UTF_8)));
        ImapResponse.Fetch f = (ImapResponse.Fetch) out.getFirst();
        assertThat(f.uid()).hasValue(8);
        assertThat(f.sections()).singleElement().satisfies(s -> assertThat(s.size())
                .isEqualTo(7));
    }
}
