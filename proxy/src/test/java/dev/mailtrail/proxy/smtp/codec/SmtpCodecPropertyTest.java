package dev.mailtrail.proxy.smtp.codec;

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
 * Random and truncated SMTP input in any split: the decoder (in command and in message mode), the reply scanner and
 * the header reader never throw, read every split alike, keep within their bounds and leave the buffers they are given
 * as they were; input they refuse ends in one clean Malformed.
 */
class SmtpCodecPropertyTest {

    private static final int MAX_LINE = 64;
    private static final int CAPTURE = 48;

    @Provide
    Arbitrary<byte[]> smtpish() {
        Arbitrary<String> pieces = Arbitraries.of(
                "EHLO x",
                "MAIL FROM:<a@b>",
                "RCPT TO:<c@d>",
                "DATA",
                "AUTH PLAIN ",
                "BDAT 10 LAST",
                "Subject: =?UTF-8?Q?a=C3=A9?=",
                "From: \"x\" <a@b>",
                "250-",
                "250 ",
                "354 ",
                "5",
                ".",
                "..",
                "\r\n",
                "\r\n",
                "\r\n.\r\n",
                "\r",
                "\n",
                "x".repeat(70),
                "\0",
                "é",
                " ",
                "\t");
        Arbitrary<byte[]> structured =
                pieces.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(
                structured, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    private static List<String> decode(byte[] input, int chunk, boolean message) {
        SmtpRequestDecoder d = new SmtpRequestDecoder(MAX_LINE, CAPTURE);
        if (message) {
            d.messageStarted();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            ByteBuffer b = ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i));
            int position = b.position();
            for (SmtpRequest r : d.feed(b)) {
                if (r instanceof SmtpRequest.MessageEnd m) {
                    assertThat(m.header().length).isLessThanOrEqualTo(CAPTURE);
                    new MessageHeaders(m.header()).field("Subject");
                    new MessageHeaders(m.header()).address("From");
                }
                out.add(r.toString());
            }
            assertThat(b.position()).isEqualTo(position);
        }
        long malformed = out.stream()
                .filter(s -> s.startsWith("Malformed[") && s.endsWith("false]"))
                .count();
        assertThat(malformed).isLessThanOrEqualTo(1);
        return out;
    }

    @Property(tries = 500)
    void theDecoderReadsAnySplitAlikeAndNeverThrows(
            @ForAll("smtpish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk, @ForAll boolean message) {
        assertThat(decode(input, chunk, message)).isEqualTo(decode(input, Integer.MAX_VALUE, message));
    }

    @Property(tries = 500)
    void theReplyScannerReadsAnySplitAlikeAndKeepsItsBounds(
            @ForAll("smtpish") byte[] input, @ForAll @IntRange(min = 1, max = 17) int chunk) {
        List<SmtpReply> whole = new SmtpReplyScanner(MAX_LINE).feed(ByteBuffer.wrap(input));
        SmtpReplyScanner s = new SmtpReplyScanner(MAX_LINE);
        List<SmtpReply> chunked = new ArrayList<>();
        for (int i = 0; i < input.length; i += chunk) {
            chunked.addAll(s.feed(ByteBuffer.wrap(input, i, Math.min(chunk, input.length - i))));
        }
        assertThat(chunked).isEqualTo(whole);
        for (SmtpReply r : chunked) {
            assertThat(r.lines().size()).isLessThanOrEqualTo(SmtpReplyScanner.MAX_LINES);
            r.lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(MAX_LINE));
        }
    }

    @Property(tries = 300)
    void headerFieldsOfAnyBytesAreReadWithoutFailing(@ForAll("smtpish") byte[] input) {
        MessageHeaders h = new MessageHeaders(input);
        h.field("Subject");
        h.messageId();
        h.address("From");
        h.address("Sender");
        Addresses.path(new String(input, StandardCharsets.UTF_8));
    }
}
