package dev.mailtrail.store.chain;

/**
 * A chain's last position and hash, kept apart from its records (and written with every commit), so that a
 * verifier can see a tail that was removed or rewritten: the one place a chain alone cannot vouch for.
 */
public record ChainHead(long position, byte[] hash) {}
