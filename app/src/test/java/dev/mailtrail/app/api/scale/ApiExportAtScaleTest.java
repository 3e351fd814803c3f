package dev.mailtrail.app.api.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.Mt;
import dev.mailtrail.app.api.investigate.SearchEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that the API streams without limit in bounded memory: a data directory of {@code RECORDS} records
 * (200,000 here; {@code ./mt bench api-export} runs it with 1,000,000), served by a real {@code mt serve} whose heap
 * is capped far below what the results weigh (128 MB against hundreds of megabytes of output per format) and which
 * ends at once on running out of it; every record is exported over HTTPS in JSON Lines, Purview CSV and
 * ConvertTo-Json, and read again through cursor pages of 1,000, each time newest first with none missed or
 * repeated. Speed is reported, not asserted (records/s per format, the server's peak resident set).
 */
class ApiExportAtScaleTest {
    private static final int RECORDS = Integer.getInteger("mailtrail.apiScaleRecords", 200_000);
    private static final String HEAP = System.getProperty("mailtrail.apiScaleHeap", "128m");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyRecordStreamsOverHttpsFromAServerWithASmallHeap() throws Exception {
        String kept = System.getProperty("mailtrail.apiScaleFixture");
        ScaleFixture fixture = kept == null
                ? ScaleFixture.build(dir.resolve("data"), RECORDS, Instant.now())
                : ScaleFixture.keptOrBuilt(Path.of(kept), RECORDS, Instant.now());
        note(
                fixture.buildMillis() == 0
                        ? "fixture: %,d records kept in %s".formatted(RECORDS, kept)
                        : "fixture: %,d records built by the pipeline in %.1f s (%,.0f records/s)"
                                .formatted(
                                        RECORDS, fixture.buildMillis() / 1e3, RECORDS * 1e3 / fixture.buildMillis()));
        // only the fixture's operations: the API's own audit records of these searches are not among them
        String query = "StartDate="
                + fixture.start().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1)
                + "&EndDate="
                + Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1)
                + "&Operations=Send&Operations=HardDelete&ResultSize=Unlimited";
        long began = System.nanoTime();
        try (ServedApi api =
                ServedApi.start(dir, fixture.data(), List.of("-Xmx" + HEAP, "-XX:+ExitOnOutOfMemoryError"))) {
            assertThat(api.process.isAlive()).as(api.printed()).isTrue();
            note("mt serve -Xmx%s: up in %.1f s".formatted(HEAP, (System.nanoTime() - began) / 1e9));
            NewestFirstReader lines = null;
            for (String format : List.of("jsonl", "csv", "json")) {
                began = System.nanoTime();
                HttpResponse<InputStream> response = api.client.send(
                        api.request("/api/v1/audit/unified/export?" + query + "&format=" + format)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).as(api.printed()).isEqualTo(200);
                NewestFirstReader read;
                try {
                    read = new NewestFirstReader(RECORDS - 1).read(response.body());
                } catch (IOException cut) {
                    throw new AssertionError("the " + format + " export was cut short: " + api.printed(), cut);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                note("export %-5s %,d records, %,d MB in %.1f s: %,.0f records/s, %.0f MB/s"
                        .formatted(
                                format,
                                read.records,
                                read.chars >> 20,
                                seconds,
                                read.records / seconds,
                                (read.chars >> 20) / seconds));
                // a server out of heap ends at once (ExitOnOutOfMemoryError), cutting the export short
                assertThat(api.process.isAlive()).as(api.printed()).isTrue();
                assertThat(read.reachedTheOldest()).as(format).isTrue();
                assertThat(read.records).as(format).isEqualTo(RECORDS);
                switch (format) {
                    case "jsonl" -> {
                        assertThat(read.lines).isEqualTo(RECORDS);
                        lines = read;
                    }
                    case "csv" -> assertThat(read.lines).isEqualTo(RECORDS + 1);
                    default -> assertThat(read.last).contains("\"AuditData\"");
                }
            }
            assertRecord(JSON.readTree(lines.first), fixture, RECORDS - 1);
            assertRecord(JSON.readTree(lines.last), fixture, 0);

            began = System.nanoTime();
            NewestFirstReader paged = new NewestFirstReader(RECORDS - 1);
            String cursor = null;
            int pages = 0;
            String firstId = null;
            String lastId = null;
            do {
                HttpResponse<String> page = api.client.send(
                        api.request("/api/v1/audit/unified?" + query + "&format=jsonl&pageSize=1000"
                                        + (cursor == null ? "" : "&cursor=" + cursor))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                assertThat(page.headers().firstValue(SearchEndpoint.RESULT_COUNT))
                        .hasValue(Integer.toString(RECORDS));
                String[] got = page.body().split("\n");
                assertThat(got.length).isLessThanOrEqualTo(1_000);
                for (String line : got) {
                    paged.line(line);
                }
                firstId = firstId == null ? JSON.readTree(got[0]).path("Id").asText() : firstId;
                lastId = JSON.readTree(got[got.length - 1]).path("Id").asText();
                cursor = page.headers().firstValue(SearchEndpoint.NEXT_CURSOR).orElse(null);
                pages++;
            } while (cursor != null);
            double seconds = (System.nanoTime() - began) / 1e9;
            note("paged  %,d records in %,d pages of 1,000 in %.1f s: %,.0f records/s"
                    .formatted(paged.records, pages, seconds, paged.records / seconds));
            assertThat(paged.reachedTheOldest()).isTrue();
            assertThat(paged.records).isEqualTo(RECORDS);
            assertThat(pages).isEqualTo((RECORDS + 999) / 1_000);
            assertThat(firstId).isEqualTo(JSON.readTree(lines.first).path("Id").asText());
            assertThat(lastId).isEqualTo(JSON.readTree(lines.last).path("Id").asText());

            assertThat(api.process.isAlive()).as(api.printed()).isTrue();
            note("server: heap cap %s, peak resident set %,d MB, of it anonymous (not mapped index files) %,d MB"
                    .formatted(HEAP, api.peakRssBytes() >> 20, api.peakAnonymousBytes() >> 20));
        }
        began = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int verified = Mt.run(
                new String[] {"verify", "--data", fixture.data().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        note("mt verify after serving: exit %d in %.1f s".formatted(verified, (System.nanoTime() - began) / 1e9));
        assertThat(verified).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Prints a figure as soon as it is known, so that a long run shows its progress. */
    private static void note(String line) {
        System.out.println("api export at scale: " + line);
    }

    /** The fields of record {@code i} as the fixture made it. */
    private static void assertRecord(JsonNode record, ScaleFixture fixture, int i) {
        String mailbox = "user%02d@contoso.com".formatted(i % 50);
        assertThat(record.path("CreationTime").asText())
                .isEqualTo(fixture.time(i)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                        .replace("Z", ""));
        assertThat(record.path("Operation").asText()).isEqualTo(i % 4 == 3 ? "HardDelete" : "Send");
        assertThat(record.path("UserId").asText()).isEqualTo(mailbox);
        assertThat(record.path("MailboxOwnerUPN").asText()).isEqualTo(mailbox);
        assertThat(record.path("ClientIP").asText()).isEqualTo("192.0.2." + (1 + i % 200));
        JsonNode item = i % 4 == 3 ? record.path("AffectedItems").path(0) : record.path("Item");
        assertThat(item.path("InternetMessageId").asText()).isEqualTo(ScaleFixture.messageId(i));
        assertThat(item.path("Subject").asText()).isEqualTo("Quarterly report " + i);
    }
}
