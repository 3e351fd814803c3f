package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search in one process finds what another process is ingesting, once the stores commit (about every second). */
class SearchWhileIngestingProcessTest {
    /** Now, since retention counts from the wall clock and would purge an event from months ago. */
    private static final java.time.Instant NOW =
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @TempDir
    Path data;

    @Test
    void aRecordIsSearchableWhileTheIngestGoesOn() throws Exception {
        Process ingest = MtProcess.start(data, "ingest", "-");
        try (OutputStream events = ingest.getOutputStream()) {
            events.write(("{\"time\":\"" + NOW + "\",\"kind\":\"access\",\"actor\":\"mallory@contoso.com\","
                            + "\"mailbox\":\"mallory@contoso.com\",\"logonType\":\"Owner\",\"operation\":\"Send\","
                            + "\"session\":{\"id\":\"s1\",\"clientIp\":\"203.0.113.66\"},"
                            + "\"items\":[{\"internetMessageId\":\"<wire@contoso.com>\"}]}\n")
                    .getBytes(StandardCharsets.UTF_8));
            events.flush();

            Result found = null;
            for (int attempt = 0; attempt < 60; attempt++) {
                found = MtProcess.run(
                        data,
                        "Search-UnifiedAuditLog",
                        "-StartDate",
                        NOW.minusSeconds(3600).toString(),
                        "-EndDate",
                        NOW.plusSeconds(3600).toString(),
                        "-FreeText",
                        "<wire@contoso.com>",
                        "-Format",
                        "Jsonl");
                if (!found.out().isEmpty()) {
                    break;
                }
                Thread.sleep(200);
            }

            assertThat(ingest.isAlive()).as("the ingest is still running").isTrue();
            assertThat(found.out()).contains("\"Operation\":\"Send\"").contains("\"UserId\":\"mallory@contoso.com\"");
        }
        assertThat(ingest.waitFor()).isZero();
    }
}
