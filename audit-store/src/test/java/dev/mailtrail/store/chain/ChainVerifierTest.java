package dev.mailtrail.store.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.store.chain.TamperFinding.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private static final String CHAIN = "mailbox:alice@contoso.com";

    @Test
    void anUntouchedChainVerifies() {
        List<ChainedRecord> chain = chain(10);

        assertThat(verify(chain, head(chain))).isEmpty();
    }

    @Test
    void anEditedRecordIsFoundAtItsPosition() {
        List<ChainedRecord> chain = chain(10);
        ChainedRecord original = chain.get(4);
        chain.set(
                4, new ChainedRecord(5, original.previousHash(), original.hash(), bytes("{\"Operation\":\"Edited\"}")));

        assertThat(verify(chain, head(chain(10)))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.EDITED);
            assertThat(finding.position()).isEqualTo(5);
        });
    }

    @Test
    void anEditedAndRehashedRecordIsFoundThroughTheRecordAfterIt() {
        List<ChainedRecord> chain = chain(10);
        ChainedRecord original = chain.get(4);
        byte[] forged = bytes("{\"Operation\":\"Edited\"}");
        chain.set(
                4,
                new ChainedRecord(5, original.previousHash(), ChainHash.link(original.previousHash(), forged), forged));

        assertThat(verify(chain, head(chain(10)))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.EDITED);
            assertThat(finding.position()).isEqualTo(5);
        });
    }

    @Test
    void aDeletedRecordIsFoundByTheGapItLeaves() {
        List<ChainedRecord> chain = chain(10);
        chain.remove(6);

        assertThat(verify(chain, head(chain(10)))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.DELETED);
            assertThat(finding.position()).isEqualTo(7);
        });
    }

    @Test
    void anInsertedRecordIsFoundWhereverItStands() {
        List<ChainedRecord> original = chain(10);
        byte[] forged = bytes("{\"Operation\":\"Inserted\"}");
        byte[] fakePrevious = ChainHash.link(new byte[32], forged);

        List<ChainedRecord> duplicatePosition = new ArrayList<>(original);
        duplicatePosition.add(4, new ChainedRecord(4, fakePrevious, ChainHash.link(fakePrevious, forged), forged));
        List<ChainedRecord> renumbered = new ArrayList<>(original.subList(0, 3));
        renumbered.add(new ChainedRecord(4, fakePrevious, ChainHash.link(fakePrevious, forged), forged));
        for (ChainedRecord later : original.subList(3, 10)) {
            renumbered.add(new ChainedRecord(later.position() + 1, later.previousHash(), later.hash(), later.record()));
        }
        List<ChainedRecord> appended = new ArrayList<>(original);
        appended.add(new ChainedRecord(11, fakePrevious, ChainHash.link(fakePrevious, forged), forged));

        assertThat(verify(duplicatePosition, head(original)))
                .map(TamperFinding::kind)
                .contains(Kind.INSERTED);
        assertThat(verify(renumbered, head(original))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.INSERTED);
            assertThat(finding.position()).isEqualTo(4);
        });
        assertThat(verify(appended, head(original))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.INSERTED);
            assertThat(finding.position()).isEqualTo(11);
        });
    }

    @Test
    void aRemovedOrRewrittenTailIsFoundOnlyThroughTheHead() {
        List<ChainedRecord> chain = chain(10);
        List<ChainedRecord> shortened = new ArrayList<>(chain.subList(0, 8));

        assertThat(verify(shortened, Optional.empty())).isEmpty();
        assertThat(verify(shortened, head(chain))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.DELETED);
            assertThat(finding.position()).isEqualTo(9);
        });
    }

    @Test
    void aPurgedPrefixVerifiesAgainstItsPurgeMarkAndNotWithoutIt() {
        List<ChainedRecord> chain = chain(10);
        List<ChainedRecord> kept = chain.subList(4, 10);
        PurgeMark mark = new PurgeMark(
                CHAIN, 4, chain.get(3).hash(), "AuditLogAgeLimit 90.00:00:00", Instant.parse("2026-06-01T00:00:00Z"));

        ChainVerifier withMark = new ChainVerifier(CHAIN, Optional.of(mark), head(chain));
        kept.forEach(withMark::accept);
        assertThat(withMark.finish()).isEmpty();
        assertThat(withMark.verified()).isEqualTo(6);

        assertThat(verify(kept, head(chain))).hasValueSatisfying(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.DELETED);
            assertThat(finding.position()).isEqualTo(1);
        });
    }

    @Test
    void aChainCannotBePassedOffAsAnother() {
        List<ChainedRecord> chain = chain(3);
        ChainVerifier other = new ChainVerifier("mailbox:bob@contoso.com", Optional.empty(), Optional.empty());
        chain.forEach(other::accept);

        assertThat(other.finish()).isPresent();
    }

    private static List<ChainedRecord> chain(int records) {
        RecordChain writer = RecordChain.start(CHAIN);
        List<ChainedRecord> chain = new ArrayList<>();
        for (int i = 1; i <= records; i++) {
            chain.add(writer.append(bytes("{\"Id\":\"" + i + "\",\"Operation\":\"MailItemsAccessed\"}")));
        }
        return chain;
    }

    private static Optional<ChainHead> head(List<ChainedRecord> chain) {
        ChainedRecord last = chain.get(chain.size() - 1);
        return Optional.of(new ChainHead(last.position(), last.hash()));
    }

    private static Optional<TamperFinding> verify(List<ChainedRecord> chain, Optional<ChainHead> head) {
        ChainVerifier verifier = new ChainVerifier(CHAIN, Optional.empty(), head);
        for (ChainedRecord record : chain) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        return verifier.finish();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
