package dev.mailtrail.app.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.LuceneAuditLog;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mt verify on a real data directory, before and after a record is removed from the files on disk (the chain walk and
 * the journal replayed both name it), and after a forged record is chained in by the rules (only the replay can).
 */
class VerifyProcessTest {
    @TempDir
    Path data;

    @Test
    void aRecordDeletedOnDiskIsNamedWithItsPosition() throws Exception {
        ingestTheStory();
        Result clean = MtProcess.run(data, "verify");
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out())
                .contains("unified-audit-log: intact — 15 records in 1 chains verified")
                .contains("unified-audit-log: records match the journal — 15 made by replaying it, 15 stored")
                .containsPattern(
                        "mailbox-audit-log: records match the journal — (\\d+) made by replaying it, \\1" + " stored");

        String victim =
                firstRecord("Send").replaceAll("(?s)^\\{\"CreationTime\":\"[^\"]+\",\"Id\":\"([^\"]+)\".*", "$1");
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
        assertThat(tampered.out())
                .as("the journal replayed still makes the record")
                .contains("unified-audit-log: records DIFFER from the journal — 15 made by replaying it, 14 stored")
                .contains("1 journaled accesses without their record")
                .containsPattern("record \\d+ " + victim + " Send of ");
    }

    @Test
    void aForgedRecordChainedByTheRulesIsNamedAsHavingNoEvent() throws Exception {
        ingestTheStory();
        String send = firstRecord("Send");
        AuditRecord forged = new AuditDataReader()
                .read(send.replace("\"Id\":\"", "\"Id\":\"f0f0f0f0-")
                        .replaceAll("\"ClientIP(Address)?\":\"[^\"]*\"", "\"ClientIP$1\":\"192.0.2.250\""));
        try (LuceneAuditLog log = LuceneAuditLog.open(data.resolve("unified-audit-log"), ChainScheme.ORGANIZATION)) {
            log.append(List.of(forged));
            log.commit(log.checkpoint());
        }

        Result verify = MtProcess.run(data, "verify");
        assertThat(verify.out())
                .as("the chain walk alone accepts a correctly chained forgery")
                .contains("unified-audit-log: intact — 16 records");
        assertThat(verify.exit()).as(verify.out()).isEqualTo(1);
        assertThat(verify.out())
                .contains("unified-audit-log: records DIFFER from the journal — 15 made by replaying it, 16 stored")
                .contains("1 stored records no journaled event makes")
                .contains(forged.id());
    }

    private void ingestTheStory() {
        Result ingest = MtProcess.run(
                data, "ingest", Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
    }

    private String firstRecord(String operation) throws Exception {
        String out = MtProcess.run(
                        data,
                        "Search-UnifiedAuditLog",
                        "-StartDate",
                        "2026-03-02",
                        "-EndDate",
                        "2026-03-03",
                        "-Operations",
                        operation,
                        "-Format",
                        "Jsonl")
                .out();
        return out.lines().findFirst().orElseThrow();
    }
}
