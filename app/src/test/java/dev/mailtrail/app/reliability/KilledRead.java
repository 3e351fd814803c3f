package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A read through a real {@code mt serve} cut by {@code kill -9} at a chosen point, and what the data directory
 * records of it once opened again: the kill tests' common steps.
 */
final class KilledRead {
    /** The line the kill came after, and how many bytes after it the client had received. */
    record Cut(String line, long bytesAfter) {}

    private KilledRead() {}

    /**
     * Logs bob in, selects INBOX and sends {@code fetch} tagged {@code c}; reads lines up to the first {@code at}
     * accepts (the tagged answer may come only if {@code at} takes it), then {@code bytesAfter} bytes more, and kills
     * the process with SIGKILL: no shutdown hook, no last flush.
     */
    static Cut fetchAndKill(ServeProcess serve, String fetch, Predicate<String> at, long bytesAfter) throws Exception {
        return sendAndKill(serve, "c " + fetch, "c ", at, bytesAfter);
    }

    /**
     * As {@link #fetchAndKill}, with {@code commands} (tagged lines, CRLF between them) after the SELECT; the answer
     * tagged {@code lastTag} may come only if {@code at} takes it.
     */
    static Cut sendAndKill(ServeProcess serve, String commands, String lastTag, Predicate<String> at, long bytesAfter)
            throws Exception {
        String l;
        long received;
        try (Socket c = new Socket("127.0.0.1", serve.port)) {
            c.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(c.getInputStream(), 1 << 16);
            line(in);
            c.getOutputStream()
                    .write(("a LOGIN bob Secret123\r\nb SELECT INBOX\r\n" + commands + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            while (!at.test(l = line(in))) {
                assertThat(l).as(serve.printed()).isNotEmpty().doesNotStartWith(lastTag);
            }
            received = skip(in, bytesAfter);
            serve.process.destroyForcibly();
            assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return new Cut(l, received);
    }

    /**
     * The MailItemsAccessed records of {@code data} after a restart: opening replays the journal and closing flushes
     * the open aggregation windows into records.
     */
    static List<String> readsAfterRestart(Path data) throws Exception {
        return recordsAfterRestart(data, "MailItemsAccessed");
    }

    /** The records of {@code operation} (HardDelete, say) of {@code data} after a restart, as for the reads. */
    static List<String> recordsAfterRestart(Path data, String operation) throws Exception {
        AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "restart")
                .close();
        List<String> found = new ArrayList<>();
        try (AuditPipeline restarted =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
            restarted.mailboxLog().export(r -> {
                if (r.auditData().contains("\"" + operation + "\"")) {
                    found.add(r.auditData());
                }
                return true;
            });
        }
        return found;
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
