package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged journal, with real processes: a torn tail is cut and nothing acknowledged is lost; damage anywhere else
 * (a flipped byte mid-way, the journal cut to half, the journal deleted) stops the next open with the place named,
 * {@code --repair} sets it aside and records the loss where an investigator searches, and verify reads the journal.
 */
class JournalDamageProcessTest {
    private static final String EVENTS =
            Path.of("..", "examples", "bec-story.jsonl").toString();

    @TempDir
    Path data;

    @Test
    void aTornTailIsCutAndTheNextIngestGoesOn() throws IOException {
        ingest();
        Path segment = segment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(file.length());
            file.write(new byte[] {0, 0, 0, 40, 1, 2, 3});
        }
        Result again = MtProcess.run(data, "ingest", EVENTS);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(MtProcess.run(data, "verify").exit()).isZero();
    }

    @Test
    void aByteFlippedMidWayStopsTheOpenAndRepairRecordsTheLoss() throws IOException {
        ingest();
        Path segment = segment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0x40);
        }
        assertRefusedThenRepaired(segment.getFileName().toString());
    }

    @Test
    void aJournalCutToHalfStopsTheOpenAndRepairRecordsTheLoss() throws IOException {
        ingest();
        Path segment = segment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        assertRefusedThenRepaired("journal");
    }

    @Test
    void aDeletedJournalIsNamedByVerifyAndStopsTheOpen() throws IOException {
        ingest();
        try (Stream<Path> files = Files.walk(data.resolve("journal"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Result verify = MtProcess.run(data, "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("journal: MISSING");
        assertRefusedThenRepaired("journal");
    }

    @Test
    void mtServeRefusesADeletedJournalAndServesWithRepairRecordingTheLoss() throws Exception {
        ingest();
        try (Stream<Path> files = Files.walk(data.resolve("journal"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (DovecotInstance dovecot =
                DovecotInstance.start(Files.createDirectories(data.resolveSibling(data.getFileName() + "-dovecot")))) {
            dovecot.seed("bob", "INBOX", "Bonus plan", "Not for circulation.");
            Path conf = data.resolveSibling(data.getFileName() + ".conf");
            try (ServeProcess refused = ServeProcess.start(conf, dovecot.imapPort(), data, null)) {
                assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(refused.process.exitValue()).isEqualTo(1);
                assertThat(refused.printed()).contains("mt serve:").contains("--repair");
            }
            try (ServeProcess repaired = ServeProcess.start(conf, dovecot.imapPort(), data, null, "--repair")) {
                assertThat(repaired.fetch()).as(repaired.printed()).contains("Not for circulation.");
            }
        }
        Result loss = MtProcess.run(
                data,
                "Search-UnifiedAuditLog",
                "-StartDate",
                "2000-01-01",
                "-EndDate",
                "2100-01-01",
                "-Operations",
                "Add-MailTrailJournalDamage",
                "-Format",
                "Jsonl");
        assertThat(loss.out()).contains("mt serve --repair");
    }

    @Test
    void verifyOfADirectoryThatDoesNotExistFailsWithOneLine() {
        Result verify =
                MtProcess.run(data, "verify", "--data", data.resolve("typo").toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("no such data directory").doesNotContain("Exception");
    }

    private void assertRefusedThenRepaired(String named) {
        Result refused = MtProcess.run(data, "ingest", EVENTS);
        assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains(named).contains("--repair").doesNotContain("at dev.mailtrail");

        Result repaired = MtProcess.run(data, "ingest", "--repair", EVENTS);
        assertThat(repaired.exit()).as(repaired.err()).isZero();
        Result loss = MtProcess.run(
                data,
                "Search-UnifiedAuditLog",
                "-StartDate",
                "2000-01-01",
                "-EndDate",
                "2100-01-01",
                "-Operations",
                "Add-MailTrailJournalDamage",
                "-Format",
                "Jsonl");
        assertThat(loss.exit()).as(loss.err()).isZero();
        assertThat(loss.out()).contains("Add-MailTrailJournalDamage").contains("FirstLostSequence");

        Result reopened = MtProcess.run(data, "ingest", EVENTS);
        assertThat(reopened.exit())
                .as("repaired once, opens from then on: " + reopened.err())
                .isZero();
        Result verify = MtProcess.run(data, "verify");
        assertThat(verify.exit()).as(verify.out()).isZero();
    }

    private void ingest() {
        Result ingest = MtProcess.run(data, "ingest", EVENTS);
        assertThat(ingest.exit()).as(ingest.err()).isZero();
    }

    private Path segment() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("journal"))) {
            return files.filter(p -> p.toString().endsWith(".journal"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }
}
