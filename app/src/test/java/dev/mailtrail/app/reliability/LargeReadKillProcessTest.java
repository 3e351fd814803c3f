package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt serve} killed with {@code kill -9} while a 40 MB message (larger than {@code max-held-bytes}) is half-way
 * to the client: the record of the read was durable before the first byte went out, so it is there after the
 * restart.
 */
class LargeReadKillProcessTest {

    private static final int LINE = 78;
    private static final int SIZE = 40_000_000;

    @TempDir
    Path dir;

    @Test
    void aLargeReadCutByKill9HasItsRecordAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            String messageId = dovecot.seed(
                    "bob", "INBOX", "Quarterly archive", ("x".repeat(LINE - 1) + "\n").repeat(SIZE / LINE));
            long received;
            try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
                try (Socket c = new Socket("127.0.0.1", serve.port)) {
                    c.setSoTimeout(60_000);
                    InputStream in = new BufferedInputStream(c.getInputStream(), 1 << 16);
                    line(in);
                    c.getOutputStream()
                            .write("a LOGIN bob Secret123\r\nb SELECT INBOX\r\nc FETCH 1 (BODY.PEEK[])\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    String l;
                    while (!(l = line(in)).startsWith("* 1 FETCH")) {
                        assertThat(l).as(serve.printed()).doesNotStartWith("c ");
                    }
                    received = skip(in, SIZE / 2);
                    serve.process.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
                    assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
            assertThat(received).isEqualTo(SIZE / 2);
            // the restart replays the journal; its end closes the open aggregation windows into records
            AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "restart")
                    .close();
            try (AuditPipeline restarted =
                    AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
                StringBuilder exported = new StringBuilder();
                restarted
                        .mailboxLog()
                        .export(r -> exported.append(r.auditData()).append('\n') != null);
                assertThat(exported.toString())
                        .as("the read of the message cut short by kill -9 has its record")
                        .contains("\"MailItemsAccessed\"")
                        .contains(messageId.substring(1, messageId.length() - 1));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            b.append((char) c);
        }
        return b.toString();
    }

    private static long skip(InputStream in, long n) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        while (read < n) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n - read));
            if (r < 0) {
                break;
            }
            read += r;
        }
        return read;
    }
}
