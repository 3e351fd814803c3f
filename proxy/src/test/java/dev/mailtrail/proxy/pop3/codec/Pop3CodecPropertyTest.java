package dev.mailtrail.proxy.pop3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random and truncated POP3 input in any split: the decoder and the scanner never throw, report the same in every
 * split, and never keep more than their bounds; the buffers they are given are left as they were.
 */
class Pop3CodecPropertyTest {

    private static final int MAX_LINE = 64;

    @Provide
    Arbitrary<byte[]> pop3ish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "USER ",
                "PASS ",
                "RETR ",
                "TOP ",
                "UIDL",
                "LIST",
                "AUTH PLAIN",
                "QUIT",
                "CAPA",
                "STLS",
                "1",
                " ",
                "+OK ",
                "-ERR ",
                "+ ",
                ".",
                "..",
                "\r\n",
                "\r\n",
                "\r",
                "\n",
                "x".repeat(70),
                "\0",
                "é");
        Arbitrary<byte[]> structured =
                pieces.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(
                structured, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Property(tries = 500)
    void theDecoderReadsAnySplitAlikeAndNeverThrows(
            @ForAll("pop3ish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<Pop3Request> whole = new Pop3RequestDecoder(MAX_LINE).feed(ByteBuffer.wrap(input));
        Pop3RequestDecoder d = new Pop3RequestDecoder(MAX_LINE);
        List<Pop3Request> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            ByteBuffer b = ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i));
            int position = b.position();
            chunked.addAll(d.feed(b));
            assertThat(b.position()).isEqualTo(position);
        }
        assertThat(chunked).hasSameSizeAs(whole);
        assertThat(chunked.toString()).isEqualTo(whole.toString());
    }

    @Property(tries = 500)
    void theScannerReadsAnySplitAlikeAndKeepsItsBounds(
            @ForAll("pop3ish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        Pop3ResponseScanner whole = scanner();
        List<Pop3Response> expected = whole.feed(ByteBuffer.wrap(input));
        Pop3ResponseScanner s = scanner();
        List<Pop3Response> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            chunked.addAll(s.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
        }
        assertThat(describe(chunked)).isEqualTo(describe(expected));
        for (Pop3Response r : chunked) {
            if (r instanceof Pop3Response.MultiLine m) {
                assertThat(m.captured().length).isLessThanOrEqualTo(32);
            }
        }
    }

    private static Pop3ResponseScanner scanner() {
        Pop3ResponseScanner s = new Pop3ResponseScanner(MAX_LINE, 32);
        for (String name : List.of("RETR", "UIDL", "CAPA", "TOP")) {
            s.expect(new Pop3Request.Command(name, name.equals("TOP") ? List.of("1", "1") : List.of()));
        }
        return s;
    }

    private static String describe(List<Pop3Response> responses) {
        StringBuilder b = new StringBuilder();
        for (Pop3Response r : responses) {
            b.append(
                            r instanceof Pop3Response.MultiLine m
                                    ? "MultiLine[" + m.text() + ", " + m.size() + ", "
                                            + new String(m.captured(), StandardCharsets.ISO_8859_1) + "]"
                                    : r.toString())
                    .append('\n');
        }
        return b.toString();
    }
}
