package dev.mailtrail.store.anchor;

/**
 * One chain's state as a digest anchors it: the store it lives in, its name, its last position and that record's
 * hash. Positions never go back (a retention purge removes a prefix and keeps the numbering), so a later anchor of
 * the same chain is at the same position or further on.
 */
public record AnchoredChain(String log, String chain, long position, byte[] head) {
    public AnchoredChain {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** The key a chain is known by across stores. */
    public String key() {
        return log + " " + chain;
    }
}
