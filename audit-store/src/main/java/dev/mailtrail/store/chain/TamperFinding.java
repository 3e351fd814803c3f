package dev.mailtrail.store.chain;

/** The first place a chain was changed after it was written, and how. */
public record TamperFinding(Kind kind, String chain, long position, String detail) {
    public enum Kind {
        DELETED,
        EDITED,
        INSERTED
    }

    @Override
    public String toString() {
        return chain + ": record " + kind.name().toLowerCase(java.util.Locale.ROOT) + " at position " + position + ": "
                + detail;
    }
}
