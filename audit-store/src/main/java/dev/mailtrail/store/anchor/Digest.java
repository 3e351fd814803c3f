package dev.mailtrail.store.anchor;

import java.time.Instant;
import java.util.List;

/**
 * A signed statement of the logs' state after one store commit.
 *
 * @param sequence 1 for a directory's first digest, one more for each after it (a digest torn by a crash keeps its
 *     number: the next one skips it)
 * @param previousSequence the digest this one chains to (0 for the first)
 * @param previousHash the SHA-256 of that digest's file (all zeros for the first)
 * @param keyId the SHA-256 of the verification key (DER), so that a change of key shows in the chain
 * @param full whether {@code chains} lists every chain (written when a process opens the stores) or only those
 *     the commit changed
 */
public record Digest(
        long sequence,
        Instant time,
        long previousSequence,
        byte[] previousHash,
        String keyId,
        boolean full,
        List<AnchoredChain> chains) {
    public Digest {
        previousHash = previousHash.clone();
        chains = List.copyOf(chains);
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }
}
