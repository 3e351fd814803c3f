package dev.mailtrail.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is a line, not a file: a line that is not UTF-8 or is too long is reported with its file and line number,
 * counted as rejected, and the lines after it are ingested. A missing input creates nothing.
 */
class IngestBadInputProcessTest {

    @TempDir
    Path dir;

    @Test
    void aNonUtf8LineAndAnOverlongLineAreRejectedWithTheirNumbersAndTheRestIsIngested() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(send("2026-03-02T09:00:00Z", "<one@x>"));
        input.write(new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});
        input.write(send("2026-03-02T09:01:00Z", "<two@x>"));
        input.write(("{\"pad\":\"" + "x".repeat(5_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        input.write(send("2026-03-02T09:02:00Z", "<three@x>"));
        Path events = dir.resolve("events.jsonl");
        Files.write(events, input.toByteArray());

        Result run = MtProcess.run(dir.resolve("data"), "ingest", "--max-line-bytes", "4096", events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(events + ":2: not UTF-8 text")
                .contains(events + ":4: line longer than 4096 bytes (5010 bytes); skipped")
                .contains("3 events")
                .contains("rejected lines: 2")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsOneLineAndCreatesNoDataDirectory() {
        Path data = dir.resolve("data");

        Result run = MtProcess.run(data, "ingest", dir.resolve("nope.jsonl").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("mt ingest: " + dir.resolve("nope.jsonl") + ": no such file");
        assertThat(data).doesNotExist();
    }

    private static byte[] send(String time, String messageId) {
        return ("{\"time\":\"" + time + "\",\"kind\":\"access\",\"actor\":\"mallory@contoso.com\","
                        + "\"mailbox\":\"mallory@contoso.com\",\"logonType\":\"Owner\",\"operation\":\"Send\","
                        + "\"session\":{\"id\":\"s1\",\"clientIp\":\"203.0.113.66\"},"
                        + "\"items\":[{\"internetMessageId\":\"" + messageId + "\"}]}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
