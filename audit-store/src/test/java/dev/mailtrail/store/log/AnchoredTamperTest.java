package dev.mailtrail.store.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.store.anchor.AnchorFinding;
import dev.mailtrail.store.anchor.AnchorFinding.Kind;
import dev.mailtrail.store.anchor.AnchorReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tampering the store's own chains cannot see (the attacker re-hashes and rewrites the head), done with
 * Lucene's own API on a stopped data directory, is named by holding the stores against their signed digests.
 * Alice's chain is anchored at positions 2, 4 and 6 (three commits), Bob's at 2, 3 and 4, the unified chain at
 * 4, 7 and 10.
 */
class AnchoredTamperTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String ALICE = "mailbox:alice@contoso.com";
    static final String BOB = "mailbox:bob@contoso.com";

    @TempDir
    Path dir;

    Path data;
    Path anchors;
    Path key;
    Path mailboxLog;

    @BeforeEach
    void threeCommits() throws Exception {
        data = dir.resolve("data");
        anchors = dir.resolve("anchors");
        key = dir.resolve("keys/signing.key");
        mailboxLog = data.resolve(AnchoredStores.MAILBOX);
        try (AnchoredStores stores = new AnchoredStores(data, anchors, key)) {
            stores.commit(batch(0, 2, 2));
            stores.commit(batch(10, 2, 1));
            stores.commit(batch(20, 2, 1));
        }
    }

    static List<AuditRecord> batch(int from, int alice, int bob) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < alice; i++) {
            records.add(TestRecords.bind(
                    "alice@contoso.com", T0.plusSeconds(from + i), "<a" + (from + i) + "@x>", "Q" + i, "192.0.2.1"));
        }
        for (int i = 0; i < bob; i++) {
            records.add(TestRecords.bind(
                    "bob@contoso.com", T0.plusSeconds(from + 5 + i), "<b" + (from + i) + "@x>", "R" + i, "192.0.2.2"));
        }
        return records;
    }

    @Test
    void anUntouchedDirectoryIsConsistentWithEveryDigest() throws Exception {
        AnchorReport report = verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.digests()).isEqualTo(4);
        assertThat(report.consistentThrough()).isEqualTo(4);
        assertThat(report.anchors()).isEqualTo(9);
    }

    @Test
    void aDeletedChainIsNamed() throws Exception {
        ChainRewriting.deleteChain(mailboxLog, ALICE);
        assertThat(LuceneAuditLog.verify(mailboxLog).intact())
                .as("the store alone cannot tell")
                .isTrue();
        assertThat(only(Kind.CHAIN_DELETED).subject()).isEqualTo("mailbox-audit-log " + ALICE);
    }

    @Test
    void aCutTailWithItsHeadRewrittenIsNamedFromTheFirstRemovedRecord() throws Exception {
        ChainRewriting.rewrite(mailboxLog, ALICE, records -> records.subList(0, 4));
        assertThat(LuceneAuditLog.verify(mailboxLog).intact()).isTrue();
        AnchorFinding cut = only(Kind.TAIL_CUT);
        assertThat(cut.subject()).isEqualTo("mailbox-audit-log " + ALICE);
        assertThat(cut.detail()).contains("ends at position 4", "anchors position 6", "from position 5 on");
    }

    @Test
    void aCutTailOfTheUnifiedChainIsNamed() throws Exception {
        ChainRewriting.rewrite(
                data.resolve(AnchoredStores.UNIFIED), ChainScheme.ORGANIZATION_CHAIN, records -> records.subList(0, 8));
        assertThat(only(Kind.TAIL_CUT).detail()).contains("ends at position 8", "from position 9 on");
    }

    @Test
    void aRehashedEditIsNamedWithTheSpanItLiesIn() throws Exception {
        ChainRewriting.rewrite(mailboxLog, ALICE, records -> {
            records.set(2, records.get(2).replace("192.0.2.1", "198.51.100.7"));
            return records;
        });
        assertThat(LuceneAuditLog.verify(mailboxLog).intact()).isTrue();
        AnchorFinding changed = only(Kind.CHANGED);
        assertThat(changed.subject()).isEqualTo("mailbox-audit-log " + ALICE);
        assertThat(changed.detail()).contains("position 4", "lies in positions 3 to 4", "digest 2 still holds");
        assertThat(rollback().detail()).contains("consistent with digests up to 2 and not with digest 3");
    }

    @Test
    void anInsertedRecordIsNamed() throws Exception {
        ChainRewriting.rewrite(mailboxLog, ALICE, records -> {
            records.add(1, records.get(1).replace("Q1", "forged"));
            return records;
        });
        assertThat(only(Kind.CHANGED).detail()).contains("record at position 2", "positions 1 to 2");
    }

    @Test
    void aDuplicatedRecordIsNamedWithoutRehashing() throws Exception {
        StoreTampering.insertCopyOf(mailboxLog, ALICE, 4, "Succeeded", "Succeeded");
        assertThat(only(Kind.CHANGED).detail()).contains("record at position 4");
    }

    @Test
    void reorderedRecordsAreNamed() throws Exception {
        ChainRewriting.rewrite(mailboxLog, ALICE, records -> {
            Collections.swap(records, 4, 5);
            return records;
        });
        assertThat(only(Kind.CHANGED).detail()).contains("positions 5 to 6", "digest 3 still holds at position 4");
    }

    @Test
    void twoMailboxesSwappedAreBothNamed() throws Exception {
        ChainRewriting.swapChains(mailboxLog, ALICE, BOB);
        assertThat(LuceneAuditLog.verify(mailboxLog).intact()).isTrue();
        assertThat(verify().findings())
                .filteredOn(f -> f.kind() != Kind.ROLLED_BACK)
                .extracting(AnchorFinding::subject)
                .containsExactlyInAnyOrder("mailbox-audit-log " + ALICE, "mailbox-audit-log " + BOB);
    }

    @Test
    void aDirectoryRebuiltFromTheSameEventsMinusOneIsNamed() throws Exception {
        Path rebuilt = dir.resolve("rebuilt");
        try (LuceneAuditLog log = LuceneAuditLog.open(rebuilt, ChainScheme.PER_MAILBOX)) {
            List<AuditRecord> all = new ArrayList<>(batch(0, 2, 2));
            all.addAll(batch(10, 2, 1));
            all.addAll(batch(20, 2, 1));
            all.remove(1); // the attacker's own access
            log.append(all);
            log.commit(new Checkpoint(9, 9));
        }
        Trees.replace(mailboxLog, rebuilt);
        AnchorFinding changed = verify().findings().stream()
                .filter(f -> f.subject().endsWith(ALICE))
                .findFirst()
                .orElseThrow();
        assertThat(changed.kind()).isEqualTo(Kind.CHANGED);
        assertThat(changed.detail()).contains("record at position 2", "no earlier anchor of it is met");
    }

    private AnchorReport verify() throws Exception {
        return AnchoredStores.verify(data, anchors, key);
    }

    private AnchorFinding only(Kind kind) throws Exception {
        AnchorReport report = verify();
        assertThat(report.intact()).isFalse();
        List<AnchorFinding> named =
                report.findings().stream().filter(f -> f.kind() == kind).toList();
        assertThat(named).as(report.findings().toString()).hasSize(1);
        return named.getFirst();
    }

    private AnchorFinding rollback() throws Exception {
        return verify().findings().stream()
                .filter(f -> f.kind() == Kind.ROLLED_BACK)
                .findFirst()
                .orElseThrow();
    }
}
