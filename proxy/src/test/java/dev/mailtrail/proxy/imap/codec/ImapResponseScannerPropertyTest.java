package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.pop3.codec.Pop3RequestDecoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ImapResponseScannerPropertyTest {

    private static final int MAX_LINE = 64;
    private static final int CAPTURE = 16;

    @Provide
    Arbitrary<byte[]> serverish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "* ",
                "1 ",
                "FETCH ",
                "EXISTS",
                "OK ",
                "[CAPABILITY IMAP4rev1]",
                "(",
                ")",
                "UID 7 ",
                "BODY[] ",
                "BODY[HEADER.FIELDS (SUBJECT)] ",
                "{3}",
                "{40}",
                "{2+}",
                "NIL",
                "\"x\"",
                "\r\n",
                "\r\n",
                "\r",
                "\n",
                "+ ",
                "ID ",
                "NAMESPACE ",
                "Subject: s",
                "a1 ",
                "x",
                " ");
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(60).map(l -> Feeding.ascii(String.join("", l))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Property(tries = 500)
    void anyServerOutputIsFollowedWithinTheBoundsAndSplitsAgree(
            @ForAll("serverish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        ImapResponseScanner whole = new ImapResponseScanner(MAX_LINE, CAPTURE);
        List<ImapResponse> expected = whole.feed(ByteBuffer.wrap(input));
        ImapResponseScanner chunked = new ImapResponseScanner(MAX_LINE, CAPTURE);
        List<ImapResponse> got = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            got.addAll(chunked.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
            assertThat(chunked.heldBytes()).isLessThanOrEqualTo(2L * MAX_LINE + 128 + CAPTURE);
        }
        assertThat(got).isEqualTo(expected);
    }

    @Property(tries = 300)
    void anyClientInputToPop3GivesOnlyDocumentedResults(
            @ForAll("serverish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        Pop3RequestDecoder d = new Pop3RequestDecoder(MAX_LINE);
        for (int i = 0; i < input.length; i += chunk) {
            assertThat(d.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))))
                    .doesNotContainNull();
        }
    }
}
