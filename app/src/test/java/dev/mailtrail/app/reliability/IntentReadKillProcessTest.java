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
 * {@code mt serve} killed with {@code kill -9} while a 1 MB message (held whole before intents, now streamed behind
 * the intent journaled when the FETCH arrived, docs/decisions/0011) is half-way to the client: after the restart
 * the read has exactly one record — the intent and whatever of its completion was journaled join into one.
 */
class IntentReadKillProcessTest {

    private static final int LINE = 78;
    private static final int SIZE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aReadStreamedUnderItsIntentAndCutByKill9HasExactlyOneRecordAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        try (DovecotInstance dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")))) {
            dovecot.seed("bob", "INBOX", "Quarterly archive", ("x".repeat(LINE - 1) + "\n").repeat(SIZE / LINE));
            long received;
            try (ServeProcess serve = ServeProcess.start(dir.resolve("proxy.conf"), dovecot.imapPort(), data, null)) {
                try (Socket c = new Socket("127.0.0.1", serve.port)) {
                    c.setSoTimeout(60_000);
                    InputStream in = new BufferedInputStream(c.getInputStream(), 1 << 16);
                    line(in);
                    c.getOutputStream()
                            .write("a LOGIN bob Secret123\r\nb SELECT INBOX\r\nc UID FETCH 1 (BODY.PEEK[])\r\n"
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
                java.util.List<String> reads = new java.util.ArrayList<>();
                restarted.mailboxLog().export(r -> {
                    if (r.auditData().contains("\"MailItemsAccessed\"")) {
                        reads.add(r.auditData());
                    }
                    return true;
                });
                assertThat(reads)
                        .as("the read of the message cut short by kill -9 has exactly one record")
                        .singleElement()
                        .satisfies(r -> assertThat(r).contains(";uid=1\""));
                assertThat(reads.getFirst().split(";uid=1\"", -1))
                        .as("the message named once")
                        .hasSize(2);
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
