package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailtrail.proxy.config.AuditMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user name sent as an IMAP literal may hold CR, LF and ESC. Logged verbatim, it would forge a second "login
 * failed … from 192.0.2.77" line and make the documented fail2ban filter ban an innocent address; it must stay one
 * escaped value of one line, which the filter reads with the real client's address only.
 */
class LogInjectionTest {

    private static final String FORMAT = "%1$tFT%1$tT.%1$tL%1$tz %4$s %5$s%6$s%n";

    @TempDir
    Path dir;

    @Test
    void aUserNameWithALineBreakForgesNoLoginFailedLineAndFail2banBansNoInnocent() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger proxyLog = Logger.getLogger("dev.mailtrail.proxy");
        proxyLog.addHandler(capture);
        try (ProxyHarness h = new ProxyHarness(dir, AuditMode.STRICT)) {
            h.python("""
                    import socket
                    forged = ('x\\r\\n2026-11-25T12:17:04.120+0000 WARNING session 1bc4e0b3: IMAP login failed'
                              ' for "eve" from 192.0.2.77 (Client=IMAP4)\\r\\n\\x1b[2J').encode()
                    s = socket.create_connection(('127.0.0.1', %d))
                    f = s.makefile('rb')
                    f.readline()
                    s.sendall(b'a LOGIN {%%d}\\r\\n' %% len(forged))
                    f.readline()
                    s.sendall(forged + b' wrong\\r\\n')
                    print(f.readline())
                    s.sendall(b'b LOGOUT\\r\\n')
                    f.readline()
                    """.formatted(h.port("imap")));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (lines.stream().noneMatch(l -> l.contains("login failed")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            proxyLog.removeHandler(capture);
        }
        String log = String.join("", lines);
        assertThat(log.lines().filter(l -> l.contains("login failed"))).hasSize(1);
        assertThat(log).doesNotContain("\u001b").contains("\\r\\n").contains("\\x1b[2J");
        assertThat(bannedBy(filter(), log)).containsExactly("127.0.0.1");
    }

    /** The filter as docs/proxy-configuration.md gives it. */
    private static String filter() throws IOException {
        Path doc = Path.of("..", "docs", "proxy-configuration.md");
        Matcher m = Pattern.compile("(?m)^failregex = (.*)$").matcher(Files.readString(doc));
        assertThat(m.find()).as("a failregex in " + doc).isTrue();
        return m.group(1);
    }

    /** The addresses fail2ban-regex finds in the log with the filter. */
    private List<String> bannedBy(String failregex, String log) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/fail2ban-regex")), "fail2ban-regex is not installed");
        Path logFile = dir.resolve("proxy.log");
        Files.writeString(logFile, log, StandardCharsets.UTF_8);
        Path filterFile = dir.resolve("mailtrail.conf");
        Files.writeString(filterFile, "[Definition]\nfailregex = " + failregex + "\n");
        Process p = new ProcessBuilder(
                        "fail2ban-regex",
                        "-o",
                        "ip",
                        logFile.toAbsolutePath().toString(),
                        filterFile.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
