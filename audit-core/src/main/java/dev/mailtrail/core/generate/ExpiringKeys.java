package dev.mailtrail.core.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys remembered for a fixed horizon (de-duplication's hour, FolderBind's day). Entries are kept in the order
 * they were recorded, so expiry only looks at the oldest, and only once the oldest can have expired; memory is
 * bounded by what happened within one horizon.
 */
final class ExpiringKeys<K> {
    private final long horizonMillis;
    private final LinkedHashMap<K, Long> recordedAt = new LinkedHashMap<>();
    /** When the oldest entry expires; no expiry work is done before then. */
    private long nextExpiryMillis = Long.MIN_VALUE;

    ExpiringKeys(Duration horizon) {
        this.horizonMillis = horizon.toMillis();
    }

    /** True if the key was recorded less than one horizon before {@code time}. */
    boolean isRecent(K key, Instant time) {
        Long at = recordedAt.get(key);
        return at != null && time.toEpochMilli() - at < horizonMillis;
    }

    /**
     * Remembers the key as recorded at {@code time} unless it was recorded less than one horizon before; true if
     * it is recorded now. One lookup when the key is new or recent, the common cases on the hot path.
     */
    boolean recordUnlessRecent(K key, Instant time) {
        long millis = time.toEpochMilli();
        Long at = recordedAt.putIfAbsent(key, millis);
        if (at == null) {
            return true;
        }
        if (millis - at < horizonMillis) {
            return false;
        }
        recordedAt.remove(key);
        recordedAt.put(key, millis);
        return true;
    }

    /** Forgets every key recorded a full horizon or more before {@code now}. */
    void expire(Instant now) {
        long nowMillis = now.toEpochMilli();
        if (nowMillis < nextExpiryMillis) {
            return;
        }
        long cutoff = nowMillis - horizonMillis;
        Map.Entry<K, Long> oldest;
        while ((oldest = recordedAt.firstEntry()) != null) {
            if (oldest.getValue() > cutoff) {
                nextExpiryMillis = oldest.getValue() + horizonMillis;
                return;
            }
            recordedAt.pollFirstEntry();
        }
        nextExpiryMillis = Long.MIN_VALUE;
    }

    /** The keys oldest first, for a snapshot; {@code context} and {@code folder} say what a key is made of. */
    GeneratorState.Remembered export(
            java.util.function.Function<K, GeneratorState.ContextKey> context,
            java.util.function.Function<K, String> folder) {
        java.util.List<GeneratorState.ContextKey> contexts = new java.util.ArrayList<>(recordedAt.size());
        java.util.List<String> folders = new java.util.ArrayList<>(recordedAt.size());
        long[] millis = new long[recordedAt.size()];
        int i = 0;
        for (Map.Entry<K, Long> entry : recordedAt.entrySet()) {
            contexts.add(context.apply(entry.getKey()));
            folders.add(folder.apply(entry.getKey()));
            millis[i++] = entry.getValue();
        }
        return new GeneratorState.Remembered(contexts, folders, millis, nextExpiryMillis);
    }

    /** Remembers what a snapshot says, in its order; {@code key} makes a key again. */
    void restore(
            GeneratorState.Remembered remembered,
            java.util.function.BiFunction<GeneratorState.ContextKey, String, K> key) {
        recordedAt.clear();
        for (int i = 0; i < remembered.millis().length; i++) {
            recordedAt.put(
                    key.apply(remembered.contexts().get(i), remembered.folders().get(i)),
                    remembered.millis()[i]);
        }
        nextExpiryMillis = remembered.nextExpiryMillis();
    }

    int size() {
        return recordedAt.size();
    }
}
