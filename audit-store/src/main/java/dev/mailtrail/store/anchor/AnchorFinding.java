package dev.mailtrail.store.anchor;

/** One thing wrong between the digests and the log, or within the digests; a line of {@code mt verify}. */
public record AnchorFinding(Kind kind, String subject, String detail) {
    public enum Kind {
        /** a digest whose signature does not verify with the key given */
        FORGED,
        /** a digest number with no file, or with a file that is not a digest */
        MISSING_DIGEST,
        /** a digest that does not chain to the one before it, or sits under another number */
        REORDERED,
        /** a chain a digest anchors is gone from the log */
        CHAIN_DELETED,
        /** a chain ends before the position a digest anchors */
        TAIL_CUT,
        /** a record at an anchored position no longer has the anchored hash */
        CHANGED,
        /** the digests themselves show the store going back to an older state */
        ROLLED_BACK
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + subject + ": " + detail;
    }
}
