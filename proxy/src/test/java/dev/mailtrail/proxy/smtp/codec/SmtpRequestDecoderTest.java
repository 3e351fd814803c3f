package dev.mailtrail.proxy.smtp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands, AUTH answers and the message after DATA, fed whole and split at every byte offset. */
class SmtpRequestDecoderTest {

    private static final String SESSION_BEFORE_DATA =
            "EHLO client.example\r\nMAIL FROM:<alice@mailtrail.test> SIZE=99\r\n"
                    + "RCPT TO:<partner@example.org>\r\nDATA\r\n";
    private static final String MESSAGE = "From: Alice <alice@mailtrail.test>\r\nSubject: =?UTF-8?B?Q2Fmw6k=?=\r\n"
            + "Message-ID: <m1@mailtrail.test>\r\n\r\n..a stuffed dot\r\nbody\r\n.\r\nQUIT\r\n";

    /** Feeds the commands, then (as the relay does on the server's 354) the message, in pieces of {@code split}. */
    private static List<String> decode(String commands, String message, int split) {
        SmtpRequestDecoder d = new SmtpRequestDecoder(512, 4096);
        List<String> out = new ArrayList<>();
        feed(d, commands, split, out);
        d.messageStarted();
        feed(d, message, split, out);
        return out;
    }

    private static void feed(SmtpRequestDecoder d, String text, int split, List<String> out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += split) {
            ByteBuffer b = ByteBuffer.wrap(bytes, i, Math.min(split, bytes.length - i));
            d.feed(b).forEach(r -> out.add(r.toString()));
        }
    }

    @Test
    void everySplitReadsTheSameCommandsAndMessage() {
        List<String> whole = decode(SESSION_BEFORE_DATA, MESSAGE, Integer.MAX_VALUE);
        assertThat(whole).hasSize(6);
        assertThat(whole.get(1)).isEqualTo("Command[MAIL, FROM:<alice@mailtrail.test> SIZE=99]");
        assertThat(whole.get(4))
                .startsWith("MessageEnd[" + (MESSAGE.length() - "\r\n.\r\nQUIT\r\n".length() + 2 - 1) + ",");
        assertThat(whole.get(4)).contains("Subject: =?UTF-8?B?Q2Fmw6k=?=").doesNotContain("stuffed");
        assertThat(whole.get(5)).isEqualTo("Command[QUIT, ]");
        for (int split = 1; split < 40; split++) {
            assertThat(decode(SESSION_BEFORE_DATA, MESSAGE, split))
                    .as("split " + split)
                    .isEqualTo(whole);
        }
    }

    @Test
    void theSizeIsWhatTheServerStoresWithoutTheStuffedDotsAndTheTerminator() {
        SmtpRequestDecoder d = new SmtpRequestDecoder(512, 4096);
        d.messageStarted();
        List<SmtpRequest> out = d.feed(ByteBuffer.wrap("A: b\r\n\r\n..x\r\n.\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(out).singleElement().isInstanceOfSatisfying(SmtpRequest.MessageEnd.class, m -> {
            assertThat(m.size()).isEqualTo("A: b\r\n\r\n.x\r\n".length());
            assertThat(new String(m.header(), StandardCharsets.US_ASCII)).isEqualTo("A: b\r\n\r\n");
        });
    }

    @Test
    void aBareLineFeedInTheMessageIsRefusedForGood() {
        for (String smuggled : List.of("Subject: x\r\n\r\nhi\n.\nMAIL FROM:<x@y>\r\n", "a\r\n\r\nhi\r.\r\n")) {
            SmtpRequestDecoder d = new SmtpRequestDecoder(512, 4096);
            d.messageStarted();
            List<SmtpRequest> out = d.feed(ByteBuffer.wrap(smuggled.getBytes(StandardCharsets.US_ASCII)));
            assertThat(out).singleElement().isInstanceOfSatisfying(SmtpRequest.Malformed.class, m -> assertThat(
                            m.recoverable())
                    .isFalse());
            assertThat(d.failed()).isTrue();
        }
    }

    @Test
    void aCommandLineOverTheBoundOrWithABareCarriageReturnEndsTheSession() {
        SmtpRequestDecoder d = new SmtpRequestDecoder(64, 4096);
        List<SmtpRequest> out =
                d.feed(ByteBuffer.wrap(("MAIL FROM:<" + "x".repeat(80) + ">\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertThat(out).singleElement().isInstanceOf(SmtpRequest.Malformed.class);
        SmtpRequestDecoder e = new SmtpRequestDecoder(64, 4096);
        assertThat(e.feed(ByteBuffer.wrap("NOOP\rRSET\r\n".getBytes(StandardCharsets.US_ASCII))))
                .singleElement()
                .isInstanceOf(SmtpRequest.Malformed.class);
    }

    @Test
    void linesDuringAuthAreAnswersUntilTheServerCompletes() {
        SmtpRequestDecoder d = new SmtpRequestDecoder(512, 4096);
        assertThat(d.feed(ByteBuffer.wrap("AUTH LOGIN\r\n".getBytes(StandardCharsets.US_ASCII)))
                        .toString())
                .isEqualTo("[Command[AUTH, LOGIN <redacted>]]");
        d.authStarted();
        assertThat(d.feed(ByteBuffer.wrap("YWxpY2U=\r\n".getBytes(StandardCharsets.US_ASCII)))
                        .getFirst())
                .isInstanceOf(SmtpRequest.AuthResponse.class);
        d.serverCompleted();
        assertThat(d.feed(ByteBuffer.wrap("NOOP\r\n".getBytes(StandardCharsets.US_ASCII)))
                        .getFirst())
                .isInstanceOf(SmtpRequest.Command.class);
    }

    @Test
    void theHeaderKeptIsBoundedHoweverLongTheHeaderIs() {
        SmtpRequestDecoder d = new SmtpRequestDecoder(512, 100);
        d.messageStarted();
        String message = "X-Long: " + "y".repeat(10_000) + "\r\n\r\nbody\r\n.\r\n";
        SmtpRequest.MessageEnd m =
                (SmtpRequest.MessageEnd) d.feed(ByteBuffer.wrap(message.getBytes(StandardCharsets.US_ASCII)))
                        .getFirst();
        assertThat(m.header()).hasSize(100);
        assertThat(m.size()).isEqualTo(message.length() - 3);
    }
}
