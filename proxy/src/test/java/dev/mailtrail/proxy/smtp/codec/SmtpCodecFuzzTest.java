package dev.mailtrail.proxy.smtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.proxy.fuzz.SplitFeeding;
import java.util.List;

/**
 * Coverage-guided fuzzing of the SMTP request decoder (commands, AUTH answers and message data) and reply scanner:
 * any bytes, in any split, give only their documented results, the same as fed whole, within the line, capture and
 * reply-length bounds; the header block captured reads as headers without failing. Without {@code JAZZER_FUZZ}
 * these run the saved inputs under {@code SmtpCodecFuzzTestInputs/} as regression tests.
 */
class SmtpCodecFuzzTest {

    private static final int MAX_LINE = 128;
    private static final int CAPTURE = 256;

    @FuzzTest
    void clientBytes(FuzzedDataProvider data) {
        // where the server has put the client: commands, an AUTH exchange (334) or a message (354)
        int start = data.consumeInt(0, 2);
        List<SmtpRequest> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data),
                () -> {
                    SmtpRequestDecoder d = new SmtpRequestDecoder(MAX_LINE, CAPTURE);
                    if (start == 1) {
                        d.authStarted();
                    } else if (start == 2) {
                        d.messageStarted();
                    }
                    return d;
                },
                SmtpRequestDecoder::feed,
                d -> {});
        for (SmtpRequest r : read) {
            switch (r) {
                case SmtpRequest.Command c -> {
                    assertThat(c.verb()).matches("[A-Z]{1,16}");
                    assertThat(c.argument().length()).isLessThanOrEqualTo(MAX_LINE);
                }
                case SmtpRequest.AuthResponse a -> assertThat(a.line().length()).isLessThanOrEqualTo(MAX_LINE);
                case SmtpRequest.MessageEnd m -> {
                    assertThat(m.header().length).isLessThanOrEqualTo(CAPTURE);
                    MessageHeaders h = new MessageHeaders(m.header());
                    h.field("Subject");
                    h.messageId();
                    h.address("From");
                }
                case SmtpRequest.Malformed m -> {}
            }
        }
        assertThat(read.stream().filter(r -> r instanceof SmtpRequest.Malformed m && !m.recoverable()))
                .hasSizeLessThanOrEqualTo(1);
    }

    @FuzzTest
    void serverBytes(FuzzedDataProvider data) {
        List<SmtpReply> read = SplitFeeding.sameInAnySplit(
                SplitFeeding.split(data), () -> new SmtpReplyScanner(MAX_LINE), SmtpReplyScanner::feed, s -> {});
        for (SmtpReply r : read) {
            assertThat(r.code())
                    .as("three digits, or 0 for a line that is no reply")
                    .isBetween(0, 999);
            assertThat(r.lines()).hasSizeLessThanOrEqualTo(SmtpReplyScanner.MAX_LINES);
            r.lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(MAX_LINE));
        }
    }

    @FuzzTest
    void messageHeaders(byte[] header) {
        MessageHeaders h = new MessageHeaders(header);
        for (String name : List.of("Subject", "From", "To", "Message-ID", "Date")) {
            h.field(name);
            h.address(name);
        }
        h.messageId();
    }
}
