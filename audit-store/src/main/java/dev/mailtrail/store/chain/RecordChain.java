package dev.mailtrail.store.chain;

/** The writing end of a chain: gives each new record its position and hashes. One writer per chain. */
public final class RecordChain {
    private long lastPosition;
    private byte[] lastHash;

    private RecordChain(long lastPosition, byte[] lastHash) {
        this.lastPosition = lastPosition;
        this.lastHash = lastHash;
    }

    /** A chain with no records yet. */
    public static RecordChain start(String chain) {
        return new RecordChain(0, ChainHash.genesis(chain));
    }

    /** Continues a chain whose last stored record (or purge mark) is at {@code position} with {@code hash}. */
    public static RecordChain resume(long position, byte[] hash) {
        return new RecordChain(position, hash.clone());
    }

    public ChainedRecord append(byte[] record) {
        byte[] hash = ChainHash.link(lastHash, record);
        ChainedRecord chained = new ChainedRecord(lastPosition + 1, lastHash, hash, record);
        lastPosition++;
        lastHash = hash;
        return chained;
    }

    /** The last record's hash (the genesis hash while the chain is empty). */
    public byte[] lastHash() {
        return lastHash.clone();
    }

    public long lastPosition() {
        return lastPosition;
    }
}
