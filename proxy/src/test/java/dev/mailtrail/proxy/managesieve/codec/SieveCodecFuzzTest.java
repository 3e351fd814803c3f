package dev.mailtrail.proxy.managesieve.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.proxy.fuzz.SplitFeeding;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of the ManageSieve decoder and scanner: any bytes, in any split, give only their documented
 * results (never an exception), the same as fed whole, within the line, literal and capture bounds. Without
 * {@code JAZZER_FUZZ} these run the saved inputs under {@code SieveCodecFuzzTestInputs/} as regression tests.
 */
class SieveCodecFuzzTest {

    private static final int MAX_LINE = 64;
    private static final long MAX_LITERAL = 256;
    private static final int CAPTURE = 32;

    @FuzzTest
    void clientBytes(FuzzedDataProvider data) {
        List<SieveRequest> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> new SieveRequestDecoder(MAX_LINE, MAX_LITERAL, CAPTURE),
                SieveRequestDecoder::feed,
                d -> {});
        for (SieveRequest r : read) {
            if (r instanceof SieveRequest.Command c) {
                c.arguments().forEach(a -> assertThat(a.length()).isLessThanOrEqualTo(Math.max(MAX_LINE, CAPTURE)));
            }
        }
        assertThat(read.stream().filter(r -> r instanceof SieveRequest.Malformed m && !m.recoverable()))
                .hasSizeLessThanOrEqualTo(1);
    }

    @FuzzTest
    void serverBytes(FuzzedDataProvider data) {
        // the commands the scanner is told about decide which answers carry data
        List<String> sent = new ArrayList<>();
        int commands = data.consumeInt(0, 6);
        for (int i = 0; i < commands; i++) {
            sent.add(data.pickValue(
                    List.of("CAPABILITY", "GETSCRIPT", "LISTSCRIPTS", "AUTHENTICATE", "PUTSCRIPT", "STARTTLS")));
        }
        List<SieveResponse> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> {
                    SieveResponseScanner s = new SieveResponseScanner(MAX_LINE, CAPTURE);
                    sent.forEach(s::expect);
                    return s;
                },
                SieveResponseScanner::feed,
                s -> {});
        assertThat(read).allSatisfy(r -> assertThat(r).isNotNull());
    }
}
