package dev.mailtrail.proxy.imap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.proxy.fuzz.SplitFeeding;
import java.util.List;

/**
 * Coverage-guided fuzzing of the IMAP request decoder and response scanner: any bytes, in any split, give only
 * their documented results (never an exception), the same as fed whole, holding no more than their bounds. Without
 * {@code JAZZER_FUZZ} these run the saved inputs under {@code ImapCodecFuzzTestInputs/} as regression tests.
 */
class ImapCodecFuzzTest {

    private static final int MAX_LINE = 256;
    private static final long MAX_LITERAL = 4096;
    private static final int CAPTURE = 64;
    /** The line being read, the command or response text kept, and a literal prefix, as the classes document. */
    private static final long HELD = 2L * MAX_LINE + 128 + CAPTURE;

    @FuzzTest
    void clientBytes(FuzzedDataProvider data) {
        List<ImapRequest> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> new ImapRequestDecoder(MAX_LINE, MAX_LITERAL),
                ImapRequestDecoder::feed,
                d -> assertThat(d.heldBytes()).isLessThanOrEqualTo(HELD));
        assertThat(read.stream().filter(r -> r instanceof ImapRequest.Malformed m && !m.recoverable()))
                .as("at most one unrecoverable refusal, and it is the last result")
                .hasSizeLessThanOrEqualTo(1);
        if (read.stream().anyMatch(r -> r instanceof ImapRequest.Malformed m && !m.recoverable())) {
            assertThat(read.getLast())
                    .isInstanceOfSatisfying(ImapRequest.Malformed.class, m -> assertThat(m.recoverable())
                            .isFalse());
        }
    }

    @FuzzTest
    void serverBytes(FuzzedDataProvider data) {
        SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> new ImapResponseScanner(MAX_LINE, CAPTURE),
                ImapResponseScanner::feed,
                s -> assertThat(s.heldBytes()).isLessThanOrEqualTo(HELD));
    }
}
