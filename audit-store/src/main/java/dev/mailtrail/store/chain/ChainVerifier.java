package dev.mailtrail.store.chain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Walks one chain in position order and reports the first change made after it was written:
 * <ul>
 *   <li>a record whose bytes no longer give its hash was <b>edited</b>;
 *   <li>a gap in positions, or a record linking to a hash no record before it has, means records were
 *       <b>deleted</b>;
 *   <li>a record that does not link to its predecessor while the record after it does was <b>inserted</b>;
 *   <li>a record rehashed after an edit shows as a break at the record after it: reported as the edited one.
 * </ul>
 * A chain that starts after position 1 must be explained by a purge mark. Feed records with {@link #accept},
 * then call {@link #finish}.
 */
public final class ChainVerifier {
    private final String chain;
    private final Optional<ChainHead> head;
    private long expectedPosition;
    private byte[] expectedPrevious;
    private ChainedRecord held;
    private TamperFinding finding;
    private long verified;

    /**
     * @param purge the trace of the last retention purge, if the chain was ever purged
     * @param head the chain's last position and hash as kept apart from the records; without it a rehashed or
     *     removed tail cannot be seen
     */
    public ChainVerifier(String chain, Optional<PurgeMark> purge, Optional<ChainHead> head) {
        this.chain = chain;
        this.head = head;
        this.expectedPosition = purge.map(p -> p.throughPosition() + 1).orElse(1L);
        this.expectedPrevious = purge.map(PurgeMark::lastPurgedHash).orElseGet(() -> ChainHash.genesis(chain));
    }

    /** Takes the next record in position order; false once a finding stops the walk. */
    public boolean accept(ChainedRecord record) {
        if (finding != null) {
            return false;
        }
        if (held != null) {
            check(held, record);
        }
        held = record;
        return finding == null;
    }

    /** The first finding, or empty when the whole chain is intact. */
    public Optional<TamperFinding> finish() {
        if (finding == null && held != null) {
            check(held, null);
            held = null;
        }
        if (finding == null && head.isPresent()) {
            checkHead(head.get());
        }
        return Optional.ofNullable(finding);
    }

    /** Records verified before the first finding. */
    public long verified() {
        return verified;
    }

    private void check(ChainedRecord record, ChainedRecord next) {
        if (!Arrays.equals(ChainHash.link(record.previousHash(), record.record()), record.hash())) {
            found(TamperFinding.Kind.EDITED, record.position(), "its content no longer matches its hash");
            return;
        }
        if (record.position() < expectedPosition) {
            found(TamperFinding.Kind.INSERTED, record.position(), "a second record at a position already seen");
            return;
        }
        if (record.position() > expectedPosition) {
            found(
                    TamperFinding.Kind.DELETED,
                    expectedPosition,
                    "positions " + expectedPosition + " to " + (record.position() - 1) + " are missing");
            return;
        }
        if (!Arrays.equals(record.previousHash(), expectedPrevious)) {
            if (next == null || Arrays.equals(next.previousHash(), expectedPrevious)) {
                found(
                        TamperFinding.Kind.INSERTED,
                        record.position(),
                        "it does not link to the record before it, and the chain goes on without it");
            } else if (verified == 0) {
                found(
                        TamperFinding.Kind.DELETED,
                        record.position(),
                        "it links to a record that is not there (the chain's start was removed)");
            } else {
                found(
                        TamperFinding.Kind.EDITED,
                        record.position() - 1,
                        "the record after it links to a different hash: it was edited and rehashed, or records"
                                + " after it were deleted and renumbered");
            }
            return;
        }
        expectedPosition++;
        expectedPrevious = record.hash();
        verified++;
    }

    private void checkHead(ChainHead head) {
        long last = expectedPosition - 1;
        if (last < head.position()) {
            found(
                    TamperFinding.Kind.DELETED,
                    last + 1,
                    "the chain ends at " + last + " but its head says " + head.position());
        } else if (last > head.position()) {
            found(
                    TamperFinding.Kind.INSERTED,
                    head.position() + 1,
                    "the chain goes on past its head at " + head.position());
        } else if (!Arrays.equals(expectedPrevious, head.hash())) {
            found(TamperFinding.Kind.EDITED, last, "the last record's hash differs from the chain's head");
        }
    }

    private void found(TamperFinding.Kind kind, long position, String detail) {
        finding = new TamperFinding(kind, chain, position, detail);
    }
}
