package dev.mailtrail.investigate.importer.identity;

/**
 * Known identities in memory, in an open-addressing table of two longs and a flag per slot, never more than half
 * full: at most 34 bytes a record (about 340 MB for ten million records, where a {@code HashSet} of identity
 * objects takes three times that), and twice that for a moment while the table grows.
 *
 * <p>Not thread-safe: the importer adds from one thread.
 */
public final class InMemoryKnownRecords implements KnownRecords {
    private static final int INITIAL_CAPACITY = 1 << 16;
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] highs = new long[INITIAL_CAPACITY];
    private long[] lows = new long[INITIAL_CAPACITY];
    private boolean[] used = new boolean[INITIAL_CAPACITY];
    private long size;

    @Override
    public boolean add(RecordIdentity identity) {
        if (size * 2 >= highs.length) {
            grow();
        }
        return insert(identity.high(), identity.low());
    }

    @Override
    public long size() {
        return size;
    }

    private boolean insert(long high, long low) {
        int mask = highs.length - 1;
        // The identity is already a uniform hash: any 32 of its bits make a good slot index.
        int slot = (int) low & mask;
        while (used[slot]) {
            if (highs[slot] == high && lows[slot] == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        highs[slot] = high;
        lows[slot] = low;
        size++;
        return true;
    }

    private void grow() {
        if (highs.length >= MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY / 2 + " records to de-duplicate in memory");
        }
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        highs = new long[oldHighs.length * 2];
        lows = new long[oldLows.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldHighs.length; i++) {
            if (oldUsed[i]) {
                insert(oldHighs[i], oldLows[i]);
            }
        }
    }
}
