package dev.mailtrail.proxy.managesieve.codec;

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
 * Random and truncated ManageSieve input in any split: the decoder and the scanner never throw, read every split
 * alike, keep within their bounds (no literal kept past the capture bound, nothing past the line bound), and leave
 * the buffers they are given as they were.
 */
class SieveCodecPropertyTest {

    private static final int MAX_LINE = 64;
    private static final int MAX_LITERAL = 200;
    private static final int CAPTURE = 32;

    @Provide
    Arbitrary<byte[]> sieveish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "PUTSCRIPT ",
                "AUTHENTICATE ",
                "\"PLAIN\"",
                "SETACTIVE ",
                "GETSCRIPT ",
                "LOGOUT",
                "OK ",
                "NO ",
                "BYE ",
                "(QUOTA/MAXSIZE) ",
                "(",
                ")",
                "\"name\"",
                "\"a\\\"b\"",
                "\"\\x\"",
                "\"",
                "{5+}",
                "{0}",
                "{3}",
                "{99999999999}",
                "{",
                "}",
                "12",
                " ",
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

    @Property(tries = 1000)
    void theDecoderReadsAnySplitAlikeNeverThrowsAndKeepsItsBounds(
            @ForAll("sieveish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<SieveRequest> whole = decoder().feed(ByteBuffer.wrap(input));
        SieveRequestDecoder d = decoder();
        List<SieveRequest> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            ByteBuffer b = ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i));
            int position = b.position();
            chunked.addAll(d.feed(b));
            assertThat(b.position()).isEqualTo(position);
            assertThat(d.literalBytesLeft()).isBetween(0L, (long) MAX_LITERAL);
        }
        assertThat(describe(chunked)).isEqualTo(describe(whole));
        for (SieveRequest r : chunked) {
            if (r instanceof SieveRequest.Command c) {
                assertThat(c.arguments())
                        .allMatch(a -> a.getBytes(StandardCharsets.UTF_8).length
                                <= Math.max(CAPTURE * 2, SieveTokens.MAX_QUOTED));
            }
            if (r instanceof SieveRequest.Malformed m) {
                assertThat(m.reason()).isNotBlank();
            }
        }
    }

    @Property(tries = 1000)
    void theScannerReadsAnySplitAlikeAndNeverThrows(
            @ForAll("sieveish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<SieveResponse> expected = scanner().feed(ByteBuffer.wrap(input));
        SieveResponseScanner s = scanner();
        List<SieveResponse> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            chunked.addAll(s.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
        }
        assertThat(chunked.toString()).isEqualTo(expected.toString());
        for (SieveResponse r : chunked) {
            if (r instanceof SieveResponse.Data d) {
                assertThat(d.words()).allMatch(w -> w.length() <= Math.max(MAX_LINE, CAPTURE * 2));
            }
        }
    }

    private static SieveRequestDecoder decoder() {
        return new SieveRequestDecoder(MAX_LINE, MAX_LITERAL, CAPTURE);
    }

    private static SieveResponseScanner scanner() {
        SieveResponseScanner s = new SieveResponseScanner(MAX_LINE, CAPTURE);
        for (String name : List.of("AUTHENTICATE", "GETSCRIPT", "LISTSCRIPTS", "PUTSCRIPT")) {
            s.expect(name);
        }
        return s;
    }

    private static String describe(List<SieveRequest> requests) {
        StringBuilder b = new StringBuilder();
        for (SieveRequest r : requests) {
            b.append(
                            r instanceof SieveRequest.Command c
                                    ? c.name() + c.arguments() + (c.truncated() ? " truncated" : "")
                                    : r.toString())
                    .append('\n');
        }
        return b.toString();
    }
}
