package dev.mailtrail.store.chain;

import java.time.Instant;

/**
 * The trace a retention purge leaves: positions 1 to {@code throughPosition} of a chain were removed under
 * {@code policy} at {@code purgedAt}, and the last removed record's hash, which the first kept record links to.
 * Retention removes oldest first, so a purge is always a prefix of its chain.
 */
public record PurgeMark(String chain, long throughPosition, byte[] lastPurgedHash, String policy, Instant purgedAt) {}
