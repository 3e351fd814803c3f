package dev.mailtrail.store.anchor;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The present state of the stores, as far as a verifier needs it to hold them against their digests. */
public interface PresentLog {

    /** A chain as it is now, or empty when the store holds nothing of it (no record, head or purge mark). */
    Optional<PresentChain> chain(String log, String chain) throws IOException;

    /** The hashes of the records stored at {@code position} of a chain (more than one when one was duplicated). */
    List<byte[]> hashesAt(String log, String chain, long position) throws IOException;

    /** Every chain of one store. */
    List<String> chains(String log) throws IOException;

    /**
     * @param lastPosition the highest position of a record now stored (the purge mark's when none is left)
     * @param purgedThrough the last position a retention purge removed (0 when never purged)
     * @param purgedHash that record's hash, as the purge mark keeps it
     */
    record PresentChain(long lastPosition, long purgedThrough, byte[] purgedHash) {}
}
