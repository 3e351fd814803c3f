package dev.mailtrail.app.serve;

import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages per second submitted one after another on one SMTP session, straight to a real Postfix and through
 * {@code mt serve}'s proxy in strict and async mode (the real pipeline, its journal synced), in rounds so that the
 * columns share the machine's load. A measurement, not a test: it asserts nothing and runs only when
 * {@code -Dmailtrail.measure.submission=N} gives the messages per round (docs/proxy-bench.md, "Send intents").
 */
@EnabledIfSystemProperty(named = "mailtrail.measure.submission", matches = "\\d+")
class SubmissionThroughputMeasurement {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void messagesPerSecondDirectStrictAndAsync() throws Exception {
        int n = Integer.parseInt(System.getProperty("mailtrail.measure.submission"));
        PostfixInstance.assumeInstalled();
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
                PostfixInstance postfix =
                        PostfixInstance.start(Files.createDirectories(dir.resolve("postfix")), dovecot)) {
            AuditingProxy strict = proxy("strict", postfix.port());
            AuditingProxy async = proxy("async", postfix.port());
            try {
                int strictPort = strict.addresses().get("submission").getPort();
                int asyncPort = async.addresses().get("submission").getPort();
                send(postfix.port(), 20); // warm-up
                send(strictPort, 20);
                send(asyncPort, 20);
                List<String> rows = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    Run direct = send(postfix.port(), n);
                    Run s = send(strictPort, n);
                    Run a = send(asyncPort, n);
                    rows.add(String.format(
                            Locale.ROOT,
                            "round %d: direct %s; strict %s (%.2fx); async %s (%.2fx)",
                            round,
                            direct,
                            s,
                            s.perSecond() / direct.perSecond(),
                            a,
                            a.perSecond() / direct.perSecond()));
                }
                String load = Files.readString(Path.of("/proc/loadavg")).strip();
                System.out.println("submission, " + n + " messages of 2 KB per round, one session; load " + load);
                rows.forEach(System.out::println);
            } finally {
                strict.close();
                async.close();
            }
        }
    }

    private AuditingProxy proxy(String mode, int postfixPort) throws Exception {
        Path conf = dir.resolve(mode + ".conf");
        Files.writeString(conf, """
                [audit]
                mode = %s

                [upstream submission]
                host = 127.0.0.1
                port = %d

                [listener submission]
                protocol = submission
                address = 127.0.0.1
                port = 0
                local-domains = mailtrail.test
                """.formatted(mode, postfixPort));
        ProxyConfig config = ProxyConfigFile.read(conf);
        return AuditingProxy.start(config, dir.resolve("data-" + mode), Clock.systemUTC());
    }

    /** Messages per second, and the median time from a message's end to the server's reply. */
    private record Run(double perSecond, double p50Millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f msg/s, end-to-250 p50 %.2f ms", perSecond, p50Millis);
        }
    }

    /** Sends {@code n} messages on one session, timed from the first MAIL to the last 250. */
    private static Run send(int port, int n) throws IOException {
        String plain = Base64.getEncoder()
                .encodeToString(("\0alice\0" + DovecotInstance.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            reply(in, '2');
            command(out, in, "EHLO bench.example\r\n", '2');
            command(out, in, "AUTH PLAIN " + plain + "\r\n", '2');
            String body = "x".repeat(76) + "\r\n";
            long[] ends = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String message = "From: alice@mailtrail.test\r\nTo: partner@example.org\r\nSubject: m " + i
                        + "\r\nMessage-ID: <m" + i + "-" + start + "@mailtrail.test>\r\n\r\n" + body.repeat(26);
                out.write("MAIL FROM:<alice@mailtrail.test>\r\nRCPT TO:<partner@example.org>\r\nDATA\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                reply(in, '2');
                reply(in, '2');
                reply(in, '3');
                long sent = System.nanoTime();
                command(out, in, message + ".\r\n", '2');
                ends[i] = System.nanoTime() - sent;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            command(out, in, "QUIT\r\n", '2');
            java.util.Arrays.sort(ends);
            return new Run(n / seconds, ends[n / 2] / 1e6);
        }
    }

    private static void command(OutputStream out, InputStream in, String line, char expected) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in, expected);
    }

    /** Reads one reply (its continuation lines too) and checks its first digit. */
    private static void reply(InputStream in, char expected) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the connection closed mid-reply: " + line);
                }
                line.append((char) c);
            }
            if (line.length() < 4 || line.charAt(0) != expected) {
                throw new IOException("unexpected reply: " + line);
            }
            if (line.charAt(3) != '-') {
                return;
            }
        }
    }
}
