package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ImapRequestDecoderPropertyTest {

    private static final int MAX_LINE = 64;

    @Provide
    Arbitrary<byte[]> imapish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "a1 ",
                "FETCH ",
                "UID ",
                "APPEND ",
                "AUTHENTICATE ",
                "IDLE",
                "DONE",
                "{3}",
                "{5+}",
                "~{2}",
                "{99999}",
                "(",
                ")",
                "[",
                "]",
                "\"",
                "\\",
                "\r\n",
                "\r\n",
                "\r",
                "\n",
                "*",
                "+ ",
                "BODY[HEADER.FIELDS (A)]",
                "1:*",
                " ",
                "x",
                "\0");
        Arbitrary<byte[]> structured = pieces.list().ofMaxSize(60).map(l -> Feeding.ascii(String.join("", l)));
        return Arbitraries.oneOf(
                structured, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Property(tries = 500)
    void anyInputGivesOnlyDocumentedResultsWithinTheBounds(
            @ForAll("imapish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        ImapRequestDecoder d = new ImapRequestDecoder(MAX_LINE, 1000);
        List<ImapRequest> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            chunked.addAll(d.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
            assertThat(d.heldBytes()).isLessThanOrEqualTo(2L * MAX_LINE + 128);
            if (i % 3 == 0) {
                d.serverCompleted("a1");
            }
        }
        assertThat(chunked).allSatisfy(r -> assertThat(r).isNotNull());
    }

    @Property(tries = 300)
    void splittingNeverChangesWhatIsRead(
            @ForAll("imapish") byte[] input, @ForAll @IntRange(min = 0, max = 300) int cut) {
        int k = Math.min(cut, input.length);
        ImapRequestDecoder whole = new ImapRequestDecoder(MAX_LINE, 1000);
        ImapRequestDecoder split = new ImapRequestDecoder(MAX_LINE, 1000);
        List<ImapRequest> expected = whole.feed(ByteBuffer.wrap(input));
        List<ImapRequest> got = new ArrayList<>(split.feed(ByteBuffer.wrap(input, 0, k)));
        got.addAll(split.feed(ByteBuffer.wrap(input, k, input.length - k)));
        assertThat(got).isEqualTo(expected);
    }
}
