package dev.mailtrail.store.chain;

/**
 * A record as a store keeps it in a chain: its position (from 1, gap-free), the hash it links to, its own hash,
 * and the exact bytes the hash covers (the record's AuditData JSON).
 */
public record ChainedRecord(long position, byte[] previousHash, byte[] hash, byte[] record) {}
