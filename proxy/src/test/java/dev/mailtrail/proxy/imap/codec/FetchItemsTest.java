package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.proxy.imap.codec.FetchItem.Kind;
import dev.mailtrail.proxy.imap.codec.ImapRequest.Command;
import dev.mailtrail.proxy.imap.codec.SequenceSet.Range;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FetchItemsTest {

    static FetchItems fetch(String line) throws ImapSyntaxException {
        Command c = ImapRequestDecoderTest.single(line + "\r\n");
        return FetchItems.parse(c.arguments());
    }

    @Test
    void readsSequenceSetsWithStarsAndRanges() throws Exception {
        assertThat(SequenceSet.parse("1:*").ranges()).containsExactly(new Range(1, SequenceSet.STAR));
        assertThat(SequenceSet.parse("3,5:7").ranges()).containsExactly(new Range(3, 3), new Range(5, 7));
        assertThat(SequenceSet.parse("*").isSingleNumber()).isFalse();
        assertThat(SequenceSet.parse("16").isSingleNumber()).isTrue();
        assertThat(SequenceSet.parse("$").savedResult()).isTrue();
        assertThat(SequenceSet.parse("7:5").contains(6, 10)).isTrue();
        assertThat(SequenceSet.parse("8:*").contains(10, 10)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1:", ":2", "1,,2", "a", "4294967296", "01"})
    void refusesBadSequenceSets(String text) {
        assertThatThrownBy(() -> SequenceSet.parse(text)).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void readsMuttHeaderListingItems() throws Exception {
        FetchItems f = fetch("a6 FETCH 1:15 (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (DATE FROM"
                + " SUBJECT MESSAGE-ID)])");
        assertThat(f.items())
                .extracting(FetchItem::kind)
                .containsExactly(Kind.UID, Kind.FLAGS, Kind.INTERNALDATE, Kind.RFC822_SIZE, Kind.BODY_SECTION);
        FetchItem h = f.items().get(4);
        assertThat(h.peek()).isTrue();
        assertThat(h.sectionText()).isEqualTo("HEADER.FIELDS");
        assertThat(h.headerFields()).containsExactly("DATE", "FROM", "SUBJECT", "MESSAGE-ID");
    }

    @Test
    void readsPartsPartialsAndBinary() throws Exception {
        FetchItems f = fetch("a UID FETCH 4 (BODY[1.2.MIME] BODY.PEEK[2]<0.2048> BINARY.PEEK[1] BINARY.SIZE[1])");
        FetchItem mime = f.items().get(0);
        assertThat(mime.sectionPart()).isEqualTo("1.2");
        assertThat(mime.sectionText()).isEqualTo("MIME");
        assertThat(f.items().get(1).partial()).isEqualTo(new FetchItem.Partial(0, 2048));
        assertThat(f.items().get(2).kind()).isEqualTo(Kind.BINARY);
        assertThat(f.items().get(3).kind()).isEqualTo(Kind.BINARY_SIZE);
    }

    @Test
    void expandsMacros() throws Exception {
        assertThat(fetch("a FETCH 1 FAST").items())
                .extracting(FetchItem::kind)
                .containsExactly(Kind.FLAGS, Kind.INTERNALDATE, Kind.RFC822_SIZE);
        assertThat(fetch("a FETCH 1 ALL").items())
                .extracting(FetchItem::kind)
                .containsExactly(Kind.FLAGS, Kind.INTERNALDATE, Kind.RFC822_SIZE, Kind.ENVELOPE);
        assertThat(fetch("a FETCH 1 full").items())
                .extracting(FetchItem::kind)
                .containsExactly(Kind.FLAGS, Kind.INTERNALDATE, Kind.RFC822_SIZE, Kind.ENVELOPE, Kind.BODY);
    }

    @Test
    void keepsModifiers() throws Exception {
        assertThat(fetch("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)").modifiers())
                .containsExactly(new ImapToken.Atom("CHANGEDSINCE"), new ImapToken.Atom("12345"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a FETCH 1 (ALL)",
                "a FETCH 1 ()",
                "a FETCH 1 BODY[FOO]",
                "a FETCH 1 BODY[HEADER.FIELDS]",
                "a FETCH 1 BODY[MIME]",
                "a FETCH 1 BINARY[TEXT]",
                "a FETCH 1 BODY[]<x>",
                "a FETCH x:1 UID"
            })
    void refusesMalformedItemLists(String line) {
        assertThatThrownBy(() -> fetch(line)).isInstanceOf(ImapSyntaxException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "UID FETCH 1:14 (UID FLAGS) | METADATA",
                "FETCH 1:* (FLAGS UID INTERNALDATE) | METADATA",
                "FETCH 1:15 RFC822.SIZE | METADATA",
                "UID FETCH 1:* (FLAGS MODSEQ) | METADATA",
                "FETCH 1 FAST | METADATA",
                "FETCH 1 ALL | HEADERS",
                "FETCH 1 FULL | HEADERS",
                "FETCH 1 (UID BODYSTRUCTURE) | STRUCTURE",
                "FETCH 1 (UID BINARY.SIZE[1]) | STRUCTURE",
                "FETCH 3 RFC822.HEADER | HEADERS",
                "UID FETCH 4 BODY[HEADER] | HEADERS",
                "FETCH 1 (BODY.PEEK[HEADER.FIELDS.NOT (X-SPAM)]) | HEADERS",
                "FETCH 1 (BODY.PEEK[2.MIME]) | HEADERS",
                "FETCH 1 ENVELOPE | HEADERS",
                "UID FETCH 16 (BODY.PEEK[]) | CONTENT",
                "FETCH 3 BODY.PEEK[TEXT] | CONTENT",
                "UID FETCH 3 BODY[] | CONTENT",
                "FETCH 1 (BODY[1.2]<0.100>) | CONTENT",
                "FETCH 1 (BODY[2.TEXT]) | CONTENT",
                "FETCH 1 RFC822 | CONTENT",
                "FETCH 1 RFC822.TEXT | CONTENT",
                "FETCH 1 (BINARY.PEEK[1]) | CONTENT",
                "FETCH 1 (UID PREVIEW) | CONTENT",
            })
    void classifiesWhatAFetchOpens(String command, FetchAccess expected) throws Exception {
        FetchItems f = fetch("t " + command);
        assertThat(FetchAccessClassifier.classify(f)).isEqualTo(expected);
        assertThat(FetchAccessClassifier.readsContent(f)).isEqualTo(expected == FetchAccess.CONTENT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "UID FETCH 6 (UID BODY.PEEK[HEADER.FIELDS (Content-Type Content-Transfer-Encoding)]"
                        + " BODY.PEEK[TEXT]<0.2048>) | true",
                "FETCH 1 (BODY[1.2]<0.100>) | true",
                "FETCH 1 (BODY.PEEK[TEXT]<0.2049>) | false",
                "FETCH 1 (BODY.PEEK[]<0.65536>) | false",
                "FETCH 1 (BODY.PEEK[TEXT]<0.2048> BODY.PEEK[2]) | false",
                "FETCH 1 (UID PREVIEW) | false",
                "UID FETCH 6 (UID RFC822.SIZE BODY.PEEK[]) | false",
                "UID FETCH 1:* (FLAGS) | false",
            })
    void aBodySectionCutTo2KbIsAPreview(String command, boolean preview) throws Exception {
        assertThat(FetchAccessClassifier.isPreview(fetch("t " + command))).isEqualTo(preview);
    }

    @Test
    void namesResponseItemsWithAnOriginOnly() throws Exception {
        FetchItem item = FetchItem.parse("BODY[]<0>");
        assertThat(item.partial()).isEqualTo(new FetchItem.Partial(0, -1));
        assertThat(FetchItem.parse("body[header.fields (subject)]").headerFields())
                .isEqualTo(List.of("SUBJECT"));
    }
}
