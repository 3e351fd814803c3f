package dev.mailtrail.store.opensearch;

import static dev.mailtrail.store.opensearch.OpenSearchAuditLogTest.bind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.chain.ChainHash;
import dev.mailtrail.store.chain.TamperFinding;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.VerifyReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purges, purge marks and changes made in the index behind the store's back, against a real node. */
class RetentionAndTamperTest {
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final String ALICE = ChainScheme.mailboxChain("alice@contoso.com");

    @Test
    void aPurgedChainVerifiesFromItsPurgeMark() throws Exception {
        try (OpenSearchAuditLog log =
                OpenSearchAuditLog.open(TestNode.url(), "purged", ChainScheme.PER_MAILBOX, "p0")) {
            log.append(days(6));
            log.commit(new Checkpoint(6, 6));

            long purged =
                    log.purge(ALICE, DAY.plusSeconds(3 * 86_400L), "AuditLogAgeLimit", DAY.plusSeconds(9 * 86_400L));
            log.commit(new Checkpoint(6, 6));

            VerifyReport report = log.verify();
            assertThat(purged).isEqualTo(3);
            assertThat(log.count(RecordQuery.between(DAY.minusSeconds(86_400L), DAY.plusSeconds(30 * 86_400L))))
                    .isEqualTo(3);
            assertThat(log.purgeMark(ALICE).orElseThrow().throughPosition()).isEqualTo(3);
            assertThat(report.intact()).isTrue();
            assertThat(report.purged()).isEqualTo(1);
            assertThat(report.records()).isEqualTo(3);
            assertThat(log.purge(ALICE, DAY.plusSeconds(3 * 86_400L), "AuditLogAgeLimit", DAY))
                    .isZero();
        }
    }

    @Test
    void aPurgeCutShortAfterItsMarkVerifiesCleanAndTheNextPurgeDeletesTheRest() throws Exception {
        try (OpenSearchAuditLog log =
                OpenSearchAuditLog.open(TestNode.url(), "purge-cut", ChainScheme.PER_MAILBOX, "p0")) {
            log.append(days(5));
            log.commit(new Checkpoint(5, 5));
            Instant cutoff = DAY.plusSeconds(2 * 86_400L);
            new ChainPurge(new OpenSearchHttp(TestNode.url()), new LogNames("purge-cut"))
                    .mark(ALICE, -1, cutoff, "AuditLogAgeLimit", DAY);

            VerifyReport cut = log.verify();
            long purged = log.purge(ALICE, cutoff, "AuditLogAgeLimit", DAY);

            assertThat(cut.intact()).isTrue();
            assertThat(cut.records()).isEqualTo(3);
            assertThat(purged).isZero();
            assertThat(log.count(RecordQuery.between(DAY, DAY.plusSeconds(30 * 86_400L))))
                    .isEqualTo(3);
            assertThat(log.verify().intact()).isTrue();
        }
    }

    @Test
    void recordsDeletedWithoutAPurgeMarkAreAGap() throws Exception {
        try (OpenSearchAuditLog log = OpenSearchAuditLog.open(TestNode.url(), "gap", ChainScheme.PER_MAILBOX, "p0")) {
            log.append(days(4));
            log.commit(new Checkpoint(4, 4));
            OpenSearchHttp http = new OpenSearchHttp(TestNode.url());
            ObjectNode oldest = OpenSearchHttp.JSON.createObjectNode();
            oldest.putObject("range").putObject("position").put("lte", 2);
            Deletion.matching(http, "gap-2026.03", null, oldest);
            http.post("gap-2026.03/_refresh", null);

            VerifyReport report = log.verify();

            assertThat(report.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.DELETED);
                assertThat(finding.chain()).isEqualTo(ALICE);
            });
        }
    }

    @Test
    void anAuditDataEditedThroughTheApiIsNamedWithItsRecord() throws Exception {
        List<AuditRecord> records = days(3);
        try (OpenSearchAuditLog log =
                OpenSearchAuditLog.open(TestNode.url(), "edited", ChainScheme.PER_MAILBOX, "p2")) {
            log.append(records);
            log.commit(new Checkpoint(3, 3));
            JsonNode second = document("edited", 2);
            ObjectNode change = OpenSearchHttp.JSON.createObjectNode();
            change.putObject("doc")
                    .put(
                            "audit_data",
                            second.path("_source").path("audit_data").asText().replace("Bind", "Sync"));
            update(second, change);

            VerifyReport report =
                    OpenSearchAuditLog.openReader(TestNode.url(), "edited").verify();

            assertThat(report.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.EDITED);
                assertThat(finding.position()).isEqualTo(2);
                assertThat(finding.toString())
                        .contains(ALICE)
                        .contains(records.get(1).id());
            });
        }
    }

    @Test
    void aChainRehashedWholeIsCaughtByItsHead() throws Exception {
        try (OpenSearchAuditLog log =
                OpenSearchAuditLog.open(TestNode.url(), "rehashed", ChainScheme.PER_MAILBOX, "p0")) {
            log.append(days(3));
            log.commit(new Checkpoint(3, 3));
            byte[] previous = ChainHash.genesis(ALICE);
            for (int position = 1; position <= 3; position++) {
                JsonNode hit = document("rehashed", position);
                String auditData =
                        hit.path("_source").path("audit_data").asText().replace("Bind", "Sync");
                byte[] hash = ChainHash.link(previous, auditData.getBytes(StandardCharsets.UTF_8));
                ObjectNode change = OpenSearchHttp.JSON.createObjectNode();
                change.putObject("doc")
                        .put("audit_data", auditData)
                        .put("previous_hash", Base64.getEncoder().encodeToString(previous))
                        .put("hash", Base64.getEncoder().encodeToString(hash));
                update(hit, change);
                previous = hash;
            }

            VerifyReport report = log.verify();

            assertThat(report.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(TamperFinding.Kind.EDITED);
                assertThat(finding.detail()).contains("head");
            });
        }
    }

    /** Alice's records, one a day from DAY. */
    private static List<AuditRecord> days(int count) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(bind("alice@contoso.com", DAY.plusSeconds(86_400L * i), "<d" + i + "@contoso.com>"));
        }
        return records;
    }

    private static JsonNode document(String log, long position) throws Exception {
        OpenSearchHttp http = new OpenSearchHttp(TestNode.url());
        ObjectNode request = OpenSearchHttp.JSON.createObjectNode();
        request.putObject("query").putObject("term").put("position", position);
        return http.post(log + "-*,-" + log + "-meta/_search", request)
                .path("hits")
                .path("hits")
                .get(0);
    }

    private static void update(JsonNode hit, ObjectNode change) throws Exception {
        new OpenSearchHttp(TestNode.url())
                .post(
                        hit.path("_index").asText() + "/_update/"
                                + hit.path("_id").asText() + "?routing=" + OpenSearchHttp.encode(ALICE)
                                + "&refresh=true",
                        change);
    }
}
