package dev.mailtrail.proxy.pop3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.proxy.fuzz.SplitFeeding;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the POP3 decoder and scanner: any bytes, in any split, give only their documented
 * results (never an exception), the same as fed whole, within the line and capture bounds. Without
 * {@code JAZZER_FUZZ} these run the saved inputs under {@code Pop3CodecFuzzTestInputs/} as regression tests.
 */
class Pop3CodecFuzzTest {

    private static final int MAX_LINE = 64;
    private static final int CAPTURE = 32;

    @FuzzTest
    void clientBytes(FuzzedDataProvider data) {
        List<Pop3Request> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data), () -> new Pop3RequestDecoder(MAX_LINE), Pop3RequestDecoder::feed, d -> {});
        for (Pop3Request r : read) {
            if (r instanceof Pop3Request.Command c) {
                assertThat(c.name()).matches("[A-Z]{1,4}");
                c.arguments().forEach(a -> assertThat(a.length()).isLessThanOrEqualTo(MAX_LINE));
            }
        }
        assertThat(read.stream().filter(r -> r instanceof Pop3Request.Malformed m && !m.recoverable()))
                .hasSizeLessThanOrEqualTo(1);
    }

    @FuzzTest
    void serverBytes(FuzzedDataProvider data) {
        // the commands the scanner is told about decide which answers have a body
        List<Pop3Request.Command> sent = new ArrayList<>();
        int commands = data.consumeInt(0, 6);
        for (int i = 0; i < commands; i++) {
            String name = data.pickValue(List.of("RETR", "TOP", "CAPA", "LIST", "UIDL", "STAT", "USER"));
            sent.add(new Pop3Request.Command(name, data.consumeBoolean() ? List.of() : List.of("1")));
        }
        List<Pop3Response> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> {
                    Pop3ResponseScanner s = new Pop3ResponseScanner(MAX_LINE, CAPTURE);
                    sent.forEach(s::expect);
                    return s;
                },
                Pop3ResponseScanner::feed,
                s -> {});
        for (Pop3Response r : read) {
            switch (r) {
                case Pop3Response.Status s -> assertThat(s.text().length()).isLessThanOrEqualTo(MAX_LINE);
                case Pop3Response.Continuation c ->
                    assertThat(c.text().length()).isLessThanOrEqualTo(MAX_LINE);
                case Pop3Response.MultiLine m -> {
                    assertThat(m.captured().length).isLessThanOrEqualTo(CAPTURE);
                    assertThat(m.size()).isGreaterThanOrEqualTo(m.captured().length);
                }
            }
        }
    }
}
