package dev.mailtrail.core.generate;

import java.util.Objects;

/**
 * The messages one MailItemsAccessed context read, by folder, with when each read was last recorded: what
 * de-duplication compares. An open-addressing table of plain arrays, because it holds an hour of reads and is
 * consulted for every read: no object per entry, so nothing for the collector to copy, and each slot's hash
 * sits beside its time so that a lookup touches a stored message only when the hashes match. Expired entries are
 * dropped whenever the table would grow; the owner forgets the whole table once nothing in it is recent.
 */
class RecentReads {
    private static final int INITIAL_CAPACITY = 8;
    /** Marks a used slot in the hash word, so that an empty slot is a zero. */
    private static final long USED = 1L << 32;

    private final long horizonMillis;
    /** Slot i: the folder path at 2i, the message at 2i+1. */
    private String[] keys = new String[2 * INITIAL_CAPACITY];
    /** Slot i: when it was recorded at 2i, {@code USED | hash} at 2i+1. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];

    private int size;
    private long lastRecordedMillis = Long.MIN_VALUE;

    RecentReads(long horizonMillis) {
        this.horizonMillis = horizonMillis;
    }

    /**
     * Records a read of {@code item} in {@code folder} at {@code millis} unless the same read was recorded less
     * than one horizon before; true if it is recorded now.
     */
    boolean recordUnlessRecent(String folder, String item, long millis) {
        int hash = hash(folder, item);
        long tag = USED | (hash & 0xFFFF_FFFFL);
        long[] slots = this.slots;
        int mask = slots.length / 2 - 1;
        int slot = hash & mask;
        for (long used; (used = slots[2 * slot + 1]) != 0; slot = (slot + 1) & mask) {
            if (used == tag && item.equals(keys[2 * slot + 1]) && Objects.equals(folder, keys[2 * slot])) {
                if (millis - slots[2 * slot] < horizonMillis) {
                    return false;
                }
                slots[2 * slot] = millis;
                lastRecordedMillis = Math.max(lastRecordedMillis, millis);
                return true;
            }
        }
        keys[2 * slot] = folder;
        keys[2 * slot + 1] = item;
        slots[2 * slot] = millis;
        slots[2 * slot + 1] = tag;
        lastRecordedMillis = Math.max(lastRecordedMillis, millis);
        if (++size * 8 > slots.length * 3) {
            makeRoom(millis);
        }
        return true;
    }

    /** Whether every read here was recorded a full horizon or more before {@code nowMillis}. */
    boolean expiredAt(long nowMillis) {
        return lastRecordedMillis <= nowMillis - horizonMillis;
    }

    int size() {
        return size;
    }

    /**
     * The table is three quarters full: drops what expired by {@code millis} in place, and grows only if it is
     * still more than half full, so that a context reading steadily for hours keeps one table rather than
     * allocating one per hour's worth of reads. (Hashes beside the times keep long probes cheap.)
     */
    private void makeRoom(long millis) {
        int capacity = slots.length / 2;
        for (int slot = 0; slot < capacity; ) {
            if (slots[2 * slot + 1] != 0 && millis - slots[2 * slot] >= horizonMillis) {
                delete(slot);
            } else {
                slot++;
            }
        }
        if (size * 2 > capacity) {
            grow();
        }
    }

    /** Linear probing's deletion: later entries of the cluster that may move back do, so no lookup loses its way. */
    private void delete(int slot) {
        int mask = slots.length / 2 - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; slots[2 * next + 1] != 0; next = (next + 1) & mask) {
            int home = (int) slots[2 * next + 1] & mask;
            boolean homeBetweenHoleAndNext = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeBetweenHoleAndNext) {
                move(next, hole);
                hole = next;
            }
        }
        keys[2 * hole] = null;
        keys[2 * hole + 1] = null;
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
        size--;
    }

    private void move(int from, int to) {
        keys[2 * to] = keys[2 * from];
        keys[2 * to + 1] = keys[2 * from + 1];
        slots[2 * to] = slots[2 * from];
        slots[2 * to + 1] = slots[2 * from + 1];
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldSlots = slots;
        int capacity = oldSlots.length;
        keys = new String[2 * capacity];
        slots = new long[2 * capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldSlots.length; i += 2) {
            if (oldSlots[i + 1] != 0) {
                int slot = (int) oldSlots[i + 1] & mask;
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[2 * slot] = oldKeys[i];
                keys[2 * slot + 1] = oldKeys[i + 1];
                slots[2 * slot] = oldSlots[i];
                slots[2 * slot + 1] = oldSlots[i + 1];
            }
        }
    }

    /** The table as it lies, for a snapshot (see {@link GeneratorState.ContextReads}). */
    GeneratorState.ContextReads exportReads(GeneratorState.ContextKey context) {
        int capacity = slots.length / 2;
        int[] at = new int[size];
        String[] folders = new String[size];
        String[] items = new String[size];
        long[] millis = new long[size];
        int n = 0;
        for (int slot = 0; slot < capacity; slot++) {
            if (slots[2 * slot + 1] != 0) {
                at[n] = slot;
                folders[n] = keys[2 * slot];
                items[n] = keys[2 * slot + 1];
                millis[n] = slots[2 * slot];
                n++;
            }
        }
        return new GeneratorState.ContextReads(context, capacity, lastRecordedMillis, at, folders, items, millis);
    }

    /** Lays the table out as a snapshot says it lay: expired reads not yet dropped stay, as they would have. */
    void restoreReads(GeneratorState.ContextReads reads) {
        keys = new String[2 * reads.capacity()];
        slots = new long[2 * reads.capacity()];
        for (int i = 0; i < reads.slots().length; i++) {
            int slot = reads.slots()[i];
            keys[2 * slot] = reads.folders()[i];
            keys[2 * slot + 1] = reads.items()[i];
            slots[2 * slot] = reads.millis()[i];
            slots[2 * slot + 1] = USED | (hash(reads.folders()[i], reads.items()[i]) & 0xFFFF_FFFFL);
        }
        size = reads.slots().length;
        lastRecordedMillis = reads.lastRecordedMillis();
    }

    private static int hash(String folder, String item) {
        int h = 31 * Objects.hashCode(folder) + item.hashCode();
        return h ^ (h >>> 16);
    }
}
