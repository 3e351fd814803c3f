package dev.mailtrail.store.opensearch;

import static dev.mailtrail.store.opensearch.OpenSearchAuditLogTest.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.VerifyReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retention in whole months against a real node: covered months go as indexes, the rest record by record. */
class MonthlyRetentionTest {
    private static final String ALICE = ChainScheme.mailboxChain("alice@contoso.com");
    private static final String BOB = ChainScheme.mailboxChain("bob@contoso.com");

    @Test
    void aMonthEveryChainHasPurgedIsDeletedWholeAndVerifyStaysClean() throws Exception {
        String log = "monthly";
        try (OpenSearchAuditLog p0 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p0");
                OpenSearchAuditLog p1 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p1")) {
            p0.append(months("alice@contoso.com"));
            p1.append(months("bob@contoso.com"));
            p0.commit(new Checkpoint(6, 6));
            p1.commit(new Checkpoint(6, 6));
        }
        Map<String, MonthlyRetention.Limit> limits = Map.of(
                ALICE,
                        new MonthlyRetention.Limit(
                                Instant.parse("2026-03-10T00:00:00Z"), "AuditLogAgeLimit 90.00:00:00"),
                BOB,
                        new MonthlyRetention.Limit(
                                Instant.parse("2026-02-10T00:00:00Z"), "AuditLogAgeLimit 120.00:00:00"));

        MonthlyRetention.Pass pass = MonthlyRetention.open(TestNode.url(), log)
                .run(chain -> Optional.ofNullable(limits.get(chain)), Instant.parse("2026-04-15T00:00:00Z"));

        assertThat(pass.monthsDeleted()).containsExactly("monthly-2026.01");
        assertThat(pass.chainsPurged()).isEqualTo(2);
        assertThat(pass.recordsPurged()).isEqualTo(4 + 2);
        try (OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            RecordQuery everything =
                    RecordQuery.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(all.count(everything)).isEqualTo(2 + 4);
            assertThat(all.count(everything.withMailboxes(java.util.Set.of("alice@contoso.com"))))
                    .isEqualTo(2);
            VerifyReport report = all.verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.purged()).isEqualTo(2);
            assertThat(report.records()).isEqualTo(6);
        }
        MonthlyRetention.Pass again = MonthlyRetention.open(TestNode.url(), log)
                .run(chain -> Optional.ofNullable(limits.get(chain)), Instant.parse("2026-04-15T00:00:00Z"));
        assertThat(again.recordsPurged()).isZero();
        assertThat(again.monthsDeleted()).isEmpty();
    }

    /** Two records in each of January, February and March 2026. */
    private static List<AuditRecord> months(String mailbox) {
        List<AuditRecord> records = new ArrayList<>();
        for (String day :
                new String[] {"2026-01-05", "2026-01-20", "2026-02-05", "2026-02-20", "2026-03-05", "2026-03-20"}) {
            Instant time = Instant.parse(day + "T10:00:00Z");
            records.add(bind(mailbox, time, "<" + day + "@contoso.com>"));
        }
        return records;
    }
}
