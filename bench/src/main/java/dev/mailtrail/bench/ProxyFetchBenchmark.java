package dev.mailtrail.bench;

import dev.mailtrail.format.event.AccessEventWriter;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.net.ProxyStartException;
import dev.mailtrail.store.journal.EventJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-message FETCHes from a real Dovecot, directly and through the auditing proxy: {@code direct}, {@code
 * strict} (each message released once its event is fsynced in a real {@link EventJournal}) and {@code async}.
 * Every operation is one {@code UID FETCH u (BODY.PEEK[])} on the thread's own logged-in connection, read to its
 * tagged OK. Throughput (messages/s; × size = bytes/s) and, with {@code -bm sample}, latency percentiles; run with
 * {@code -t 1}, {@code -t 10}, {@code -t 100} for concurrent sessions. Needs Dovecot (Debian dovecot-imapd).
 * Run: {@code ./mt bench ProxyFetch -t 10}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ProxyFetchBenchmark {

    private static final int MESSAGES = 20;

    /** Dovecot, and the proxy in front of it when the path is not direct. */
    @State(Scope.Benchmark)
    public static class Server {
        @Param({"direct", "strict", "async"})
        String path;

        @Param({"4096", "1048576"})
        int messageBytes;

        Path directory;
        DovecotInstance dovecot;
        EventJournal journal;
        ProxyServer proxy;
        int port;

        @Setup(Level.Trial)
        public void start() throws IOException, ProxyStartException {
            if (!DovecotInstance.installed()) {
                throw new IllegalStateException(
                        "Dovecot is not installed: apt-get install dovecot-imapd dovecot-pop3d");
            }
            directory = Files.createTempDirectory("mailtrail-proxy-bench");
            dovecot = DovecotInstance.start(Files.createDirectories(directory.resolve("dovecot")));
            String body = "x".repeat(76) + "\n";
            for (int i = 0; i < MESSAGES; i++) {
                dovecot.seed("alice", "INBOX", "bench " + i, body.repeat(Math.max(1, messageBytes / 77)));
            }
            port = dovecot.imapPort();
            if (!path.equals("direct")) {
                journal = EventJournal.open(Files.createDirectories(directory.resolve("journal")));
                AccessEventWriter writer = new AccessEventWriter();
                ProxyConfig config = new ProxyConfig(
                        List.of(ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE)),
                        null,
                        UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()),
                        null,
                        path.equals("strict") ? AuditMode.STRICT : AuditMode.ASYNC,
                        ImapAuditConfig.DEFAULTS,
                        ProxyLimits.DEFAULTS);
                proxy = ProxyServer.start(config, event -> journal.append(writer.toBytes(event)));
                port = proxy.address("imap").getPort();
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            if (proxy != null) {
                proxy.close();
            }
            if (journal != null) {
                journal.close();
            }
            dovecot.close();
        }
    }

    /** One logged-in IMAP session per benchmark thread, INBOX selected. */
    @State(Scope.Thread)
    public static class Session {
        Socket socket;
        InputStream in;
        OutputStream out;
        int next;
        long tag;

        @Setup(Level.Trial)
        public void open(Server server) throws IOException {
            socket = new Socket("127.0.0.1", server.port);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            readLine();
            command("LOGIN alice Secret123");
            command("SELECT INBOX");
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            socket.close(); // no LOGOUT: the server state may be torn down first
        }

        /** Sends a command and reads to its tagged completion; returns the bytes received. */
        long command(String text) throws IOException {
            String t = "b" + (tag++);
            out.write((t + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long received = 0;
            while (true) {
                String line = readLine();
                received += line.length() + 2;
                int open = line.lastIndexOf('{');
                if (line.endsWith("}") && open >= 0) {
                    long n = Long.parseLong(line.substring(open + 1, line.length() - 1));
                    in.skipNBytes(n);
                    received += n;
                } else if (line.startsWith(t + " ")) {
                    if (!line.startsWith(t + " OK")) {
                        throw new IOException(line);
                    }
                    return received;
                }
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Benchmark
    public long fetchWholeMessage(Session session) throws IOException {
        int uid = 1 + (session.next++ % MESSAGES);
        return session.command("UID FETCH " + uid + " (BODY.PEEK[])");
    }
}
