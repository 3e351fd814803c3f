package dev.mailtrail.proxy.pop3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.pop3.codec.Pop3Request.Command;
import dev.mailtrail.proxy.pop3.codec.Pop3Request.Malformed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3RequestDecoderTest {

    static List<Pop3Request> decode(String wire) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        List<Pop3Request> expected = new Pop3RequestDecoder(512).feed(ByteBuffer.wrap(bytes));
        for (int k = 1; k < bytes.length; k++) {
            Pop3RequestDecoder d = new Pop3RequestDecoder(512);
            List<Pop3Request> got = new ArrayList<>(d.feed(ByteBuffer.wrap(bytes, 0, k)));
            got.addAll(d.feed(ByteBuffer.wrap(bytes, k, bytes.length - k)));
            assertThat(got).as("split at %d", k).isEqualTo(expected);
        }
        return expected;
    }

    @Test
    void readsFetchmailSession() {
        assertThat(decode("USER alice\r\nPASS se cret\r\nSTAT\r\nLAST\r\nUIDL\r\nLIST 16\r\nRETR 16\r\nQUIT\r\n"))
                .containsExactly(
                        new Command("USER", List.of("alice")),
                        new Command("PASS", List.of("se cret")),
                        new Command("STAT", List.of()),
                        new Command("LAST", List.of()),
                        new Command("UIDL", List.of()),
                        new Command("LIST", List.of("16")),
                        new Command("RETR", List.of("16")),
                        new Command("QUIT", List.of()));
    }

    @Test
    void readsEveryCommandOfTheBaseAndExtensions() {
        assertThat(decode("capa\r\nstls\r\nAPOP alice c4c9334bac560ecc979e58001b3e22fb\r\nTOP 1 10\r\nDELE 2\r\n"
                        + "RSET\r\nNOOP\r\nUIDL 3\r\n"))
                .extracting(r -> ((Command) r).name())
                .containsExactly("CAPA", "STLS", "APOP", "TOP", "DELE", "RSET", "NOOP", "UIDL");
    }

    @Test
    void takesAuthContinuationLinesAsResponsesUntilTheServerAnswers() {
        Pop3RequestDecoder d = new Pop3RequestDecoder(512);
        assertThat(d.feed(ByteBuffer.wrap("AUTH PLAIN\r\nAGFsaWNlAHB3\r\n".getBytes(StandardCharsets.US_ASCII))))
                .containsExactly(new Command("AUTH", List.of("PLAIN")), new Pop3Request.AuthResponse("AGFsaWNlAHB3"));
        d.serverCompleted();
        assertThat(d.feed(ByteBuffer.wrap("RETR 1\r\n".getBytes(StandardCharsets.US_ASCII))))
                .containsExactly(new Command("RETR", List.of("1")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RETR\r\n",
                "RETR 0\r\n",
                "RETR x\r\n",
                "TOP 1\r\n",
                "STAT 1\r\n",
                "DELE 1 2\r\n",
                "\r\n",
                "RETR  1\r\n",
                "HELLO\r\n"
            })
    void refusesMalformedCommandsAndGoesOn(String line) {
        List<Pop3Request> out = decode(line + "NOOP\r\n");
        assertThat(out.get(0)).isInstanceOf(Malformed.class);
        assertThat(((Malformed) out.get(0)).recoverable()).isTrue();
        assertThat(out.get(1)).isEqualTo(new Command("NOOP", List.of()));
    }

    @Test
    void refusesArgumentsOverTheRfc2449Limit() {
        assertThat(decode("USER " + "a".repeat(256) + "\r\n"))
                .containsExactly(new Malformed("argument longer than 255 octets", true));
    }

    @Test
    void refusesBareLineEndsAndOverlongLinesForGood() {
        assertThat(decode("RETR 1\nRETR 2\r\n")).containsExactly(new Malformed("bare LF in line", false));
        assertThat(decode("RETR 1\rRETR 2\r\n")).containsExactly(new Malformed("bare CR in line", false));
        Pop3RequestDecoder d = new Pop3RequestDecoder(16);
        assertThat(d.feed(ByteBuffer.wrap("USER aaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.US_ASCII))))
                .containsExactly(new Malformed("line longer than 16 bytes", false));
        assertThat(d.failed()).isTrue();
    }
}
