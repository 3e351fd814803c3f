package dev.mailtrail.proxy.managesieve.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SieveResponseScannerTest {

    @Test
    void aRefusalWithItsErrorsInALiteralIsAFinalNo() {
        SieveResponseScanner s = new SieveResponseScanner(1024, 1024);
        s.expect("PUTSCRIPT");
        String errors = "line 1: error: unknown command 'forwrd'.";
        List<SieveResponse> out = s.feed(ByteBuffer.wrap(
                ("NO {" + errors.length() + "}\r\n" + errors + "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(out).containsExactly(new SieveResponse.Final(SieveResponse.Status.NO, null, errors));
        assertThat(s.atResponseStart()).isTrue();
    }

    @Test
    void aScriptListingAndAScriptTextAreDataBeforeTheirOk() {
        SieveResponseScanner s = new SieveResponseScanner(1024, 1024);
        s.expect("LISTSCRIPTS");
        s.expect("GETSCRIPT");
        List<SieveResponse> out = s.feed(ByteBuffer.wrap(
                "\"a\" ACTIVE\r\n\"b\"\r\nOK \"Listscripts completed.\"\r\n{5}\r\nkeep;\r\nOK (WARNINGS) \"x\"\r\n"
                        .getBytes()));
        assertThat(out)
                .containsExactly(
                        new SieveResponse.Data(List.of("a", "ACTIVE"), false),
                        new SieveResponse.Data(List.of("b"), false),
                        new SieveResponse.Final(SieveResponse.Status.OK, null, "Listscripts completed."),
                        new SieveResponse.Data(List.of("keep;"), false),
                        new SieveResponse.Final(SieveResponse.Status.OK, "WARNINGS", "x"));
    }

    @Test
    void duringAuthenticateALoneStringIsAChallengeThatEndsTheResponse() {
        SieveResponseScanner s = new SieveResponseScanner(1024, 1024);
        s.expect("AUTHENTICATE");
        assertThat(s.feed(ByteBuffer.wrap("\"\"\r\n".getBytes()))).containsExactly(new SieveResponse.Continuation(""));
        assertThat(s.atResponseStart()).isTrue();
    }
}
