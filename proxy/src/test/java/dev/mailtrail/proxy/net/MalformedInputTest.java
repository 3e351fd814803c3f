package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.config.AuditMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random, truncated and hostile input through real proxy connections: the proxy never hangs or crashes, each bad
 * session gets an answer (BAD, NO, -ERR, a BYE) or is closed, bounds hold without reading what they refuse, and
 * sessions next to them go on as if nothing happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    @TempDir
    static Path dir;

    ProxyHarness h;
    LineClient imapNeighbour;
    LineClient pop3Neighbour;

    @BeforeAll
    void start() throws Exception {
        h = new ProxyHarness(dir, AuditMode.STRICT);
        h.dovecot.seed("alice", "INBOX", "Steady", "Still here.");
        imapNeighbour = new LineClient(h.port("imap"));
        imapNeighbour.line();
        imapNeighbour.send("n1 LOGIN alice Secret123");
        imapNeighbour.until("n1 ");
        imapNeighbour.send("n2 SELECT INBOX");
        imapNeighbour.until("n2 ");
        pop3Neighbour = new LineClient(h.port("pop3"));
        pop3Neighbour.line();
        pop3Neighbour.send("USER bob");
        pop3Neighbour.line();
        pop3Neighbour.send("PASS Secret123");
        assertThat(pop3Neighbour.line()).startsWith("+OK");
    }

    @AfterAll
    void stop() throws IOException {
        imapNeighbour.close();
        pop3Neighbour.close();
        h.close();
    }

    @Test
    void randomAndTruncatedInputGetsAnAnswerOrACloseAndNeighboursCarryOn() throws Exception {
        Random random = new Random(20261125);
        String[] valid = {
            "a1 LOGIN alice Secret123\r\n",
            "a2 SELECT INBOX\r\n",
            "a3 FETCH 1 (BODY.PEEK[])\r\n",
            "a4 APPEND INBOX {11}\r\nhello world\r\n",
            "a5 UID SEARCH SUBJECT {4+}\r\nLast\r\n",
            "a6 IDLE\r\nDONE\r\n",
            "USER alice\r\n",
            "PASS Secret123\r\n",
            "RETR 1\r\n",
            "TOP 1 0\r\n",
            "AUTH PLAIN\r\n"
        };
        for (int i = 0; i < 120; i++) {
            boolean imap = random.nextBoolean();
            byte[] input =
                    switch (random.nextInt(5)) {
                        case 0 -> randomBytes(random, 1 + random.nextInt(300));
                        case 1 -> truncated(random, valid);
                        case 2 -> withBareLineEnd(random, valid);
                        case 3 ->
                            ("x" + i + " " + "(".repeat(1 + random.nextInt(50)) + "\r\n")
                                    .getBytes(StandardCharsets.US_ASCII);
                        default ->
                            ("z" + i + " FETCH " + random.nextInt() + " (BODY[" + random.nextInt(9) + "]<"
                                            + random.nextLong() + ">)\r\n")
                                    .getBytes(StandardCharsets.US_ASCII);
                    };
            exchange(imap ? h.port("imap") : h.port("pop3"), input, random.nextBoolean());
        }
        neighboursStillWork();
    }

    @Test
    void anOverlongLineClosesTheSessionWithoutTheProxyKeepingIt() throws Exception {
        try (Socket s = new Socket("127.0.0.1", h.port("imap"))) {
            s.setSoTimeout(20_000);
            readLine(s.getInputStream());
            byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            String answer;
            try {
                for (int i = 0; i < 64; i++) { // 4 MiB, far over the 64 KiB bound
                    s.getOutputStream().write(chunk);
                }
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                answer = "closed: " + e.getMessage();
            }
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).contains("* BYE"), a -> assertThat(a)
                    .startsWith("closed"));
        }
        neighboursStillWork();
    }

    @Test
    void aLiteralOverTheBoundIsRefusedBeforeAnyOfItIsRead() throws Exception {
        try (LineClient c = new LineClient(h.port("imap"))) {
            c.line();
            c.send("l1 LOGIN carol Secret123");
            c.until("l1 ");
            c.send("l2 APPEND INBOX {999999999999}");
            assertThat(c.line()).startsWith("l2 BAD");
            c.send("l3 NOOP");
            assertThat(c.until("l3 ")).contains("l3 OK");
        }
    }

    @Test
    void aClientThatVanishesMidLiteralLeavesNothingBehind() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (LineClient c = new LineClient(h.port("imap"))) {
                c.line();
                c.send("m1 LOGIN carol Secret123");
                c.until("m1 ");
                c.send("m2 APPEND INBOX {100000}");
                assertThat(c.line()).startsWith("+");
                c.send(new byte[5000]);
            }
        }
        neighboursStillWork();
    }

    private void neighboursStillWork() throws IOException {
        imapNeighbour.send("n3 NOOP");
        assertThat(imapNeighbour.until("n3 ")).contains("n3 OK");
        imapNeighbour.send("n4 FETCH 1 (BODY.PEEK[])");
        assertThat(imapNeighbour.until("n4 ")).contains("Still here.").contains("n4 OK");
        pop3Neighbour.send("NOOP");
        assertThat(pop3Neighbour.line()).startsWith("+OK");
    }

    /** Sends {@code input}; the proxy must answer or close within the socket timeout. */
    private static void exchange(int port, byte[] input, boolean vanish) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            readLine(in);
            s.getOutputStream().write(input);
            s.getOutputStream().flush();
            if (vanish) {
                return; // gone mid-command: the proxy must clean up on its own
            }
            s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                readLine(in); // an answer, or null: closed; both are fine, silence is not
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close for input " + printable(input));
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return null;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] truncated(Random random, String[] valid) {
        byte[] v = valid[random.nextInt(valid.length)].getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[random.nextInt(v.length)];
        System.arraycopy(v, 0, out, 0, out.length);
        return out;
    }

    private static byte[] withBareLineEnd(Random random, String[] valid) {
        String v = valid[random.nextInt(valid.length)];
        int at = random.nextInt(v.length());
        return (v.substring(0, at) + (random.nextBoolean() ? "\n" : "\r") + v.substring(at))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String printable(byte[] input) {
        StringBuilder b = new StringBuilder();
        for (byte x : input) {
            b.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xff));
        }
        return b.toString();
    }
}
