package dev.mailtrail.app.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.format.event.AccessEventReader;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200,000 records made by the real pipeline, exported in one page: the heap the search keeps, measured after a
 * collection at every 20,000 results, stays far below what the written output weighs.
 */
class LargeResultStreamingTest {
    private static final int RECORDS = 200_000;

    @TempDir
    Path data;

    @Test
    void aLargeExportStreamsInBoundedMemory() throws Exception {
        AccessEventReader reader = new AccessEventReader();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "streaming test")) {
            List<AuditEvent> batch = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                batch.add(reader.read("{\"time\":\"" + start.plusSeconds(i)
                        + "\",\"kind\":\"access\",\"actor\":\"bob@contoso.com\",\"mailbox\":\"bob@contoso.com\","
                        + "\"logonType\":\"Owner\",\"operation\":\"Send\",\"session\":{\"id\":\"s-bob\","
                        + "\"clientIp\":\"192.0.2.9\"},\"items\":[{\"internetMessageId\":\"<send-" + i
                        + "@contoso.com>\",\"subject\":\"Weekly report " + i + "\"}]}"));
                if (batch.size() == 1_000) {
                    pipeline.submitAll(batch);
                    batch = new ArrayList<>();
                }
            }
            pipeline.submitAll(batch).get();
        }

        Measuring out = new Measuring();
        SearchResult result;
        try (LuceneAuditLog unified = LuceneAuditLog.openForSearch(data.resolve("unified-audit-log"));
                LuceneAuditLog mailbox = LuceneAuditLog.openForSearch(data.resolve("mailbox-audit-log"))) {
            out.baseline = usedAfterCollection();
            result = new AuditSearchApi(unified, mailbox)
                    .searchUnifiedAuditLog(
                            Map.of(
                                    "StartDate", List.of("2026-03-01"),
                                    "EndDate", List.of("2026-03-31"),
                                    "ResultSize", List.of("Unlimited")),
                            ExportFormat.PURVIEW_CSV,
                            MailboxScope.all(),
                            null,
                            Long.MAX_VALUE,
                            out);
        }

        assertThat(result).isEqualTo(new SearchResult.Page(RECORDS, RECORDS, null));
        assertThat(out.lines).isEqualTo(RECORDS + 1);
        long growth = out.peak - out.baseline;
        System.out.printf(
                "streamed %,d records, %,d bytes; heap kept above the baseline at most %,d bytes%n",
                RECORDS, out.bytes, growth);
        assertThat(out.bytes).isGreaterThan(100L << 20);
        assertThat(growth).isLessThan(32L << 20);
    }

    private static long usedAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Counts what is written, and measures the heap after a collection every 20,000 lines. */
    private static final class Measuring extends OutputStream {
        long baseline;
        long peak;
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            count(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                count(b[i]);
            }
        }

        private void count(int b) {
            bytes++;
            if (b == '\n' && ++lines % 20_000 == 0) {
                peak = Math.max(peak, usedAfterCollection());
            }
        }
    }
}
