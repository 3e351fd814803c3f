package dev.mailtrail.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mt verify on a real data directory, before and after a record is removed from the files on disk. */
class VerifyProcessTest {
    @TempDir
    Path data;

    @Test
    void aRecordDeletedOnDiskIsNamedWithItsPosition() throws Exception {
        Result ingest = MtProcess.run(
                data, "ingest", Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Result clean = MtProcess.run(data, "verify");
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("unified-audit-log: intact — 15 records in 1 chains verified");

        String victim = MtProcess.run(
                        data,
                        "Search-UnifiedAuditLog",
                        "-StartDate",
                        "2026-03-02",
                        "-EndDate",
                        "2026-03-03",
                        "-Operations",
                        "Send",
                        "-Format",
                        "Jsonl")
                .out()
                .replaceAll("(?s)^\\{\"CreationTime\":\"[^\"]+\",\"Id\":\"([^\"]+)\".*", "$1");
        try (FSDirectory directory = FSDirectory.open(data.resolve("unified-audit-log"));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.deleteDocuments(new Term("record_id", victim));
            writer.commit();
        }

        Result tampered = MtProcess.run(data, "verify");
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out())
                .contains("unified-audit-log: CHANGED")
                .containsPattern("unified: record deleted at position \\d+")
                .contains("mailbox-audit-log: intact");
    }
}
