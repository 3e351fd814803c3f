package dev.mailtrail.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search resumed after a position gives every record once, records of one CreationTime included. */
class ResultPositionTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final RecordQuery MARCH =
            RecordQuery.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void pagesOfTiedRecordsOverSeveralCommitsCoverEachOnce() throws Exception {
        try (LuceneAuditLog log = LuceneAuditLog.open(dir, ChainScheme.ORGANIZATION)) {
            for (int commit = 0; commit < 3; commit++) {
                List<AuditRecord> records = new ArrayList<>();
                for (int i = 0; i < 700; i++) {
                    records.add(TestRecords.bind(
                            "alice@contoso.com",
                            T0.plusSeconds(i % 4),
                            "<m" + commit + "-" + i + "@contoso.com>",
                            "s",
                            "192.0.2.1"));
                }
                log.append(records);
                log.commit(new Checkpoint(commit + 1, (commit + 1) * 700L));
            }
            List<String> whole = ids(log, null, Long.MAX_VALUE);

            List<String> paged = new ArrayList<>();
            ResultPosition after = null;
            while (true) {
                List<FoundRecord> page = new ArrayList<>();
                log.search(MARCH, after, 13, collect(page));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(found -> paged.add(found.id()));
                after = ResultPosition.of(page.getLast());
            }
            List<String> byDefault = new ArrayList<>();
            AuditLogSearch walking = defaultResume(log);
            ResultPosition at = null;
            while (true) {
                List<FoundRecord> page = new ArrayList<>();
                walking.search(MARCH, at, 500, collect(page));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(found -> byDefault.add(found.id()));
                at = ResultPosition.of(page.getLast());
            }

            assertThat(whole).hasSize(2_100);
            assertThat(new HashSet<>(whole)).hasSize(2_100);
            assertThat(paged).isEqualTo(whole);
            assertThat(byDefault).isEqualTo(whole);
        }
    }

    private static List<String> ids(AuditLogSearch log, ResultPosition after, long limit) throws Exception {
        List<FoundRecord> found = new ArrayList<>();
        log.search(MARCH, after, limit, collect(found));
        return found.stream().map(FoundRecord::id).toList();
    }

    private static Predicate<FoundRecord> collect(List<FoundRecord> into) {
        return found -> into.add(found);
    }

    /** The interface's own resume (a walk from the start), for an engine without a seek. */
    private static AuditLogSearch defaultResume(LuceneAuditLog log) {
        return new AuditLogSearch() {
            @Override
            public long search(RecordQuery query, long limit, Predicate<FoundRecord> visitor)
                    throws java.io.IOException {
                return log.search(query, limit, visitor);
            }

            @Override
            public long count(RecordQuery query) throws java.io.IOException {
                return log.count(query);
            }

            @Override
            public java.util.Map<String, Long> countByOperation(RecordQuery query) throws java.io.IOException {
                return log.countByOperation(query);
            }

            @Override
            public long export(Predicate<FoundRecord> visitor) throws java.io.IOException {
                return log.export(visitor);
            }

            @Override
            public VerifyReport verify() throws java.io.IOException {
                return log.verify();
            }

            @Override
            public void close() {}
        };
    }
}
