package dev.mailtrail.proxy.net;

import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test (run it by name: {@code -Dtest=LargeResponseTimings}): the time to the first byte and to
 * the last of a 40 MB {@code FETCH BODY.PEEK[]}, from Dovecot directly and through the strict and the async proxy,
 * side by side in one run, each event acknowledged after an fsync of a file as the journal does. Prints a table.
 */
class LargeResponseTimings {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void timeToFirstByteOfA40MbResponse() throws Exception {
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
                FsyncSink sink = new FsyncSink(dir.resolve("journal"))) {
            dovecot.seed("alice", "INBOX", "Quarterly archive", LargeResponseRecordTest.largeBody());
            try (ProxyServer strict = proxy(dovecot, AuditMode.STRICT, sink);
                    ProxyServer async = proxy(dovecot, AuditMode.ASYNC, sink)) {
                int[] ports = {
                    dovecot.imapPort(),
                    strict.address("imap").getPort(),
                    async.address("imap").getPort()
                };
                String[] names = {"direct", "strict", "async"};
                double[][] first = new double[3][ROUNDS];
                double[][] last = new double[3][ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    for (int side = 0; side < 3; side++) {
                        double[] t = fetch(ports[side]);
                        first[side][round] = t[0];
                        last[side][round] = t[1];
                    }
                }
                System.out.printf("40 MB FETCH BODY.PEEK[], median of %d rounds (ms)%n", ROUNDS);
                System.out.printf("%-8s %14s %14s%n", "side", "first byte", "last byte");
                for (int side = 0; side < 3; side++) {
                    System.out.printf("%-8s %14.1f %14.1f%n", names[side], median(first[side]), median(last[side]));
                }
            }
        }
    }

    /** Milliseconds from sending the FETCH to its first byte and to its tagged answer. */
    private static double[] fetch(int port) throws IOException {
        try (ByteClient c = new ByteClient(port)) {
            c.line();
            c.send("a LOGIN alice Secret123");
            c.until("a ");
            c.send("s SELECT INBOX");
            c.until("s ");
            long start = System.nanoTime();
            c.send("f FETCH 1 (BODY.PEEK[])");
            c.line(); // "* 1 FETCH (BODY[] {n}": the response's first bytes
            long first = System.nanoTime();
            c.until("f ");
            long last = System.nanoTime();
            c.send("l LOGOUT");
            c.until("l ");
            return new double[] {(first - start) / 1e6, (last - start) / 1e6};
        }
    }

    private ProxyServer proxy(DovecotInstance dovecot, AuditMode mode, AuditEventSink sink) throws Exception {
        ProxyConfig config = ProxyConfig.of(
                        List.of(ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE)),
                        null,
                        java.util.Map.of(
                                MailProtocol.IMAP,
                                UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()),
                                MailProtocol.POP3,
                                UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port())))
                .withMode(mode);
        return ProxyServer.start(config, sink);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Appends each event to a file and acknowledges it once the file is forced to disk, one writer thread. */
    private static final class FsyncSink implements AuditEventSink, AutoCloseable {
        private final FileChannel file;
        private final ExecutorService writer = Executors.newSingleThreadExecutor();

        FsyncSink(Path path) throws IOException {
            file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }

        @Override
        public CompletionStage<?> submit(AuditEvent event) {
            return CompletableFuture.runAsync(
                    () -> {
                        try {
                            file.write(ByteBuffer.wrap((event.toString() + "\n").getBytes(StandardCharsets.UTF_8)));
                            file.force(false);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    writer);
        }

        @Override
        public void close() throws IOException {
            writer.shutdown();
            file.close();
        }
    }
}
