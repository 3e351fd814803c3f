package dev.mailtrail.proxy.imap.session;

import dev.mailtrail.proxy.imap.codec.SequenceSet;
import java.util.Arrays;

/**
 * The selected folder's message sequence numbers and their UIDs (0 while unknown), kept from EXISTS, EXPUNGE and
 * FETCH responses because non-UID FETCH responses carry no UID (fetchmail, imaplib {@code 1:*}, curl MAILINDEX).
 * Bounded: sequence numbers beyond {@code max} stay unknown.
 */
final class SequenceMap {

    private final int max;
    private long[] uids = new long[16];
    private int size;

    SequenceMap(int max) {
        this.max = max;
    }

    int size() {
        return size;
    }

    void exists(long count) {
        int n = (int) Math.min(count, max);
        if (n > uids.length) {
            uids = Arrays.copyOf(uids, Math.max(n, uids.length * 2));
        }
        if (n > size) {
            Arrays.fill(uids, size, n, 0);
        }
        size = n;
    }

    void uid(long sequence, long uid) {
        if (sequence >= 1 && sequence <= size) {
            uids[(int) sequence - 1] = uid;
        }
    }

    /** The UID at {@code sequence}, 0 when unknown. */
    long uidAt(long sequence) {
        return sequence >= 1 && sequence <= size ? uids[(int) sequence - 1] : 0;
    }

    /** The sequence number of {@code uid}, 0 when unknown. */
    long sequenceOf(long uid) {
        for (int i = 0; i < size; i++) {
            if (uids[i] == uid) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Removes {@code sequence}; returns its UID, 0 when unknown. */
    long expunge(long sequence) {
        if (sequence < 1 || sequence > size) {
            return 0;
        }
        int i = (int) sequence - 1;
        long uid = uids[i];
        System.arraycopy(uids, i + 1, uids, i, size - i - 1);
        size--;
        return uid;
    }

    /** Removes the messages whose UIDs {@code set} names (RFC 7162 VANISHED). */
    void vanish(SequenceSet set) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (uids[i] == 0 || !set.contains(uids[i], SequenceSet.STAR - 1)) {
                uids[kept++] = uids[i];
            }
        }
        size = kept;
    }

    /** The highest UID known, for {@code *} in a UID set. */
    long highestUid() {
        long h = 0;
        for (int i = 0; i < size; i++) {
            h = Math.max(h, uids[i]);
        }
        return h;
    }

    /**
     * How many of the folder's messages {@code set} names, counting at most {@code cap}: sequence numbers up to the
     * folder's size, or the UIDs known here ({@code *} the highest known). A saved result ({@code $}) names none.
     */
    int countNamed(SequenceSet set, boolean byUid, int cap) {
        if (set.savedResult() || cap <= 0) {
            return 0;
        }
        if (set.isSingleNumber()) {
            long n = set.ranges().getFirst().first();
            return byUid ? (sequenceOf(n) != 0 ? 1 : 0) : (n >= 1 && n <= size ? 1 : 0);
        }
        long largest = byUid ? highestUid() : size;
        int named = 0;
        for (int i = 0; i < size && named < cap; i++) {
            long n = byUid ? uids[i] : i + 1;
            if (n != 0 && set.contains(n, largest)) {
                named++;
            }
        }
        return named;
    }
}
