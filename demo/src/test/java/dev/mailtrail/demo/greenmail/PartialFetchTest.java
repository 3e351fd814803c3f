package dev.mailtrail.demo.greenmail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.corpus.DemoCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Thunderbird's preview ({@code BODY.PEEK[]<0.100>}) against the demo's GreenMail: answered {@code BODY[]<0>
 * {100}}, with the space RFC 9051 requires before the literal, which GreenMail itself leaves out.
 */
class PartialFetchTest {

    private static String transcript(int port, String commands) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("a LOGIN " + DemoUsers.ALICE + " " + DemoUsers.PASSWORD + "\r\nb SELECT INBOX\r\n" + commands
                            + "z LOGOUT\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aPartialFetchOfTheWholeMessageHasItsSpaceBeforeTheLiteral() throws Exception {
        GreenMailDemoServer server = GreenMailDemoServer.start(0, 0, DemoCorpus.messages());
        try {
            String out = transcript(
                    server.imapPort(),
                    "c UID FETCH 1:2 (UID RFC822.SIZE BODY.PEEK[]<0.100>)\r\nd FETCH 1 (BODY.PEEK[TEXT]<5.10>)\r\n");
            assertThat(out)
                    .contains("* 1 FETCH (RFC822.SIZE 1940 UID 1 BODY[]<0> {100}\r\nMessage-ID: <")
                    .contains("* 1 FETCH (BODY[TEXT]<5> {10}\r\n")
                    .doesNotContain("]<0>{")
                    .contains("c OK FETCH completed.", "z OK LOGOUT completed.");
        } finally {
            server.close();
        }
    }

    @Test
    void literalDataThatLooksLikeTheErrorPassesUntouched() throws Exception {
        String server =
                "* 1 FETCH (BODY[]<0>{14}\r\nx BODY[]<0>{3}\r\n)\r\n* 2 FETCH (BODY[] {2}\r\nab)\r\nc OK done\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PartialFetchSpace.fix(new ByteArrayInputStream(server.getBytes(StandardCharsets.US_ASCII)), out);
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("* 1 FETCH (BODY[]<0> {14}\r\nx BODY[]<0>{3}\r\n)\r\n* 2 FETCH (BODY[] {2}\r\nab)\r\n"
                        + "c OK done\r\n");
    }

    @Test
    void linesThatAnnounceNoLiteralAreLeftAlone() {
        for (String line : new String[] {"* OK [UIDNEXT 19]\r\n", "* 1 FETCH (X {a}\r\n", "{5}\r\n", "<1>{2}\r\n"}) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            byte[] fixed = PartialFetchSpace.literalSize(bytes) >= 0 ? PartialFetchSpace.spaced(bytes) : bytes;
            assertThat(new String(fixed, StandardCharsets.US_ASCII)).isEqualTo(line);
        }
    }
}
