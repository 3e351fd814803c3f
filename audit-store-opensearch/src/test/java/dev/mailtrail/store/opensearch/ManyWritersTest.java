package dev.mailtrail.store.opensearch;

import static dev.mailtrail.store.opensearch.OpenSearchAuditLogTest.bind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.Checkpoint;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import dev.mailtrail.store.log.ResultPosition;
import dev.mailtrail.store.log.VerifyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Writers of one log, one per partition, against a real node: own checkpoints, one log to search and verify. */
class ManyWritersTest {
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void twoWritersKeepTheirOwnCheckpointsAndChainsInOneLog() throws Exception {
        String log = "two-writers";
        try (OpenSearchAuditLog p0 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p0");
                OpenSearchAuditLog p1 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p1")) {
            // the same CreationTimes in both writers: paging must still return each record once
            for (int i = 0; i < 12; i++) {
                p0.append(List.of(bind("alice@contoso.com", DAY.plusSeconds(i), "<a" + i + "@contoso.com>")));
                p1.append(List.of(bind("bob@contoso.com", DAY.plusSeconds(i), "<b" + i + "@contoso.com>")));
            }
            p0.commit(new Checkpoint(40, 12));
            p1.commit(new Checkpoint(7, 12));

            assertThat(p0.checkpoint()).isEqualTo(new Checkpoint(40, 12));
            assertThat(p1.checkpoint()).isEqualTo(new Checkpoint(7, 12));
            assertThat(p0.chains()).containsExactly(ChainScheme.mailboxChain("alice@contoso.com"));
            assertThat(p1.chains()).containsExactly(ChainScheme.mailboxChain("bob@contoso.com"));
        }
        try (OpenSearchAuditLog p1 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p1");
                OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            assertThat(p1.checkpoint()).isEqualTo(new Checkpoint(7, 12));

            RecordQuery day = RecordQuery.between(DAY, DAY.plus(Duration.ofDays(1)));
            List<FoundRecord> pages = new ArrayList<>();
            ResultPosition after = null;
            while (true) {
                List<FoundRecord> page = new ArrayList<>();
                all.search(day, after, 5, page::add);
                pages.addAll(page);
                if (page.size() < 5) {
                    break;
                }
                after = ResultPosition.of(page.getLast());
            }
            Set<String> ids = new HashSet<>();
            pages.forEach(found -> ids.add(found.id()));
            assertThat(pages).hasSize(24);
            assertThat(ids).hasSize(24);
            assertThat(pages.getFirst().creationTime()).isEqualTo(DAY.plusSeconds(11));
            assertThat(all.chains())
                    .containsExactly(
                            ChainScheme.mailboxChain("alice@contoso.com"), ChainScheme.mailboxChain("bob@contoso.com"));
            VerifyReport report = all.verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.records()).isEqualTo(24);
        }
    }

    @Test
    void aWriterThatCrashedBeforeItsCommitWritesTheSameRecordsAgainWithoutDuplicates() throws Exception {
        String log = "crash-replay";
        List<AuditRecord> committed = records(0, 5);
        List<AuditRecord> lost = records(5, 12);
        try (OpenSearchAuditLog first = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p3")) {
            first.append(committed);
            first.commit(new Checkpoint(5, 5));
            first.append(lost);
            first.refresh();
            // dropped here without a commit: the process crashed after the bulk request was answered
        }
        List<String> hashesBefore = hashes(log);
        try (OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            // the records past the checkpoint are searchable, but verify walks only what commits vouch for
            assertThat(all.count(RecordQuery.between(DAY, DAY.plus(Duration.ofDays(1)))))
                    .isEqualTo(12);
            assertThat(all.verify().intact()).isTrue();
            assertThat(all.verify().records()).isEqualTo(5);
        }

        try (OpenSearchAuditLog again = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p3")) {
            assertThat(again.checkpoint()).isEqualTo(new Checkpoint(5, 5));
            again.append(lost);
            again.commit(new Checkpoint(12, 12));
        }
        try (OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            List<FoundRecord> exported = new ArrayList<>();
            all.export(exported::add);

            assertThat(exported).hasSize(12);
            assertThat(exported.stream().map(FoundRecord::id).distinct()).hasSize(12);
            assertThat(hashes(log)).isEqualTo(hashesBefore);
            assertThat(all.verify().intact()).isTrue();
            assertThat(all.verify().records()).isEqualTo(12);
        }
    }

    @Test
    void aCrashBetweenTheHeadsAndTheStateOfACommitLeavesHeadsThatAgreeWithTheCheckpoint() throws Exception {
        String log = "crash-in-commit";
        List<AuditRecord> committed = records(0, 4);
        List<AuditRecord> lost = records(4, 9);
        try (OpenSearchAuditLog first = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p5")) {
            first.append(committed);
            first.commit(new Checkpoint(4, 4));
            first.append(lost);
        }
        // what the crashed commit got to write: the heads of its chains, not the writer's state
        try (OpenSearchAuditLog crashed = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p5")) {
            crashed.append(lost);
            WriterState before = WriterState.find(new OpenSearchHttp(TestNode.url()), new LogNames(log), "p5")
                    .orElseThrow();
            crashed.commit(new Checkpoint(9, 9));
            before.save(new OpenSearchHttp(TestNode.url()), new LogNames(log));
        }
        try (OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            assertThat(all.verify().intact()).isTrue();
            assertThat(all.verify().records()).isEqualTo(4);
        }
        try (OpenSearchAuditLog again = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.PER_MAILBOX, "p5")) {
            assertThat(again.checkpoint()).isEqualTo(new Checkpoint(4, 4));
            again.append(lost);
            again.commit(new Checkpoint(9, 9));
            List<FoundRecord> exported = new ArrayList<>();
            again.export(exported::add);

            assertThat(exported).hasSize(9);
            assertThat(again.verify().intact()).isTrue();
            assertThat(again.verify().records()).isEqualTo(9);
        }
    }

    @Test
    void theUnifiedLogIsChainedPerWriter() throws Exception {
        String log = "unified-writers";
        try (OpenSearchAuditLog p0 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.ORGANIZATION, "p0");
                OpenSearchAuditLog p1 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.ORGANIZATION, "p1")) {
            p0.append(records(0, 3));
            p1.append(records(3, 6));
            p0.commit(new Checkpoint(3, 3));
            p1.commit(new Checkpoint(3, 3));
        }
        try (OpenSearchLogView all = OpenSearchAuditLog.openReader(TestNode.url(), log)) {
            assertThat(all.chains()).containsExactly("unified:p0", "unified:p1");
            assertThat(all.verify().intact()).isTrue();
            assertThat(all.verify().records()).isEqualTo(6);
        }
        try (OpenSearchAuditLog p1 = OpenSearchAuditLog.open(TestNode.url(), log, ChainScheme.ORGANIZATION, "p1")) {
            // the organisation chain's name purges the writer's own: records 3 and 4 are before the cutoff
            assertThat(p1.purge(ChainScheme.ORGANIZATION_CHAIN, DAY.plusSeconds(5), "unified 90 days", DAY))
                    .isEqualTo(2);
            assertThat(p1.purgeMark("unified:p1").orElseThrow().throughPosition())
                    .isEqualTo(2);
            assertThat(p1.purgeMark("unified:p0")).isEmpty();
        }
    }

    @Test
    void writersOpeningAtOnceTakeDifferentNumbers() throws Exception {
        List<java.util.concurrent.Callable<Integer>> opens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String writer = "p" + i;
            opens.add(() -> {
                try (OpenSearchAuditLog log =
                        OpenSearchAuditLog.open(TestNode.url(), "at-once", ChainScheme.PER_MAILBOX, writer)) {
                    log.commit(Checkpoint.EMPTY);
                }
                return WriterState.find(new OpenSearchHttp(TestNode.url()), new LogNames("at-once"), writer)
                        .orElseThrow()
                        .ordinal();
            });
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            Set<Integer> numbers = new HashSet<>();
            for (var number : pool.invokeAll(opens)) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        } finally {
            pool.shutdown();
        }
    }

    static List<AuditRecord> records(int from, int to) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String mailbox = i % 2 == 0 ? "carol@contoso.com" : "dave@contoso.com";
            records.add(bind(mailbox, DAY.plusSeconds(i), "<c" + i + "@contoso.com>"));
        }
        return records;
    }

    /** Every record document's id, chain position and hash, in id order. */
    private static List<String> hashes(String log) throws Exception {
        OpenSearchHttp http = new OpenSearchHttp(TestNode.url());
        LogNames names = new LogNames(log);
        http.post(names.records() + "/_refresh", null);
        var request = OpenSearchHttp.JSON.createObjectNode();
        request.put("size", 1000);
        request.putArray("sort").addObject().put("seq", "asc");
        List<String> hashes = new ArrayList<>();
        for (var hit :
                http.post(names.records() + "/_search", request).path("hits").path("hits")) {
            hashes.add(hit.path("_id").asText() + " "
                    + hit.path("_source").path("position").asLong() + " "
                    + hit.path("_source").path("hash").asText());
        }
        return hashes;
    }
}
