package dev.mailtrail.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mt ingest --format dovecot} over real captured Dovecot events (the sensor module's samples): UIDs only
 * without a lookup, a malformed event reported by line and field while the rest goes in, wrong options refused.
 */
class IngestDovecotFormatProcessTest {
    private static final Path SAMPLES = Path.of("..", "sensor-dovecot", "src", "test", "resources", "dovecot-events");

    @TempDir
    Path dir;

    @Test
    void aMalformedEventIsReportedByLineAndFieldAndTheRestIsIngested() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("imap-delegate.jsonl")));
        lines.add(1, lines.get(3).replace("\"uid\":1", "\"uid\":\"one\""));
        Path events = dir.resolve("events.jsonl");
        Files.write(events, lines);

        Result run = MtProcess.run(dir.resolve("data"), "ingest", "--format", "dovecot", events.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(events + ":2: mail_opened: field fields.uid must be a whole number, not one")
                .contains("Dovecot events mapped {MailItemsAccessed=1, MailboxLogin=1}")
                .contains("rejected lines: 1")
                .doesNotContain("Exception");
        Result read =
                MtProcess.run(dir.resolve("data"), "Search-MailboxAuditLog", "-Identity", "alice", "-ShowDetails");
        assertThat(read.out())
                .contains("MailItemsAccessed")
                .contains("alice/Finance;uid=1")
                .contains("Delegate");
    }

    @Test
    void anUnknownFormatOrALookupWithoutItsAccountIsRefused() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "");
        Result format = MtProcess.run(dir.resolve("data"), "ingest", "--format", "syslog", events.toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err().strip()).isEqualTo("mt ingest: --format must be access or dovecot, not syslog");

        Result lookup = MtProcess.run(
                dir.resolve("data"), "ingest", "--format", "dovecot", "--lookup", "127.0.0.1:143", events.toString());
        assertThat(lookup.exit()).isEqualTo(2);
        assertThat(lookup.err().strip())
                .isEqualTo("mt ingest: --lookup needs --lookup-user and --lookup-password-file");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
