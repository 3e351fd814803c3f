package dev.mailtrail.core.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys remembered for a fixed horizon (de-duplication's hour, FolderBind's day). Entries are kept in the order
 * they were last recorded, so expiry only looks at the oldest; memory is bounded by what happened within one
 * horizon.
 */
final class ExpiringKeys<K> {
    private final long horizonMillis;
    private final LinkedHashMap<K, Long> recordedAt = new LinkedHashMap<>();

    ExpiringKeys(Duration horizon) {
        this.horizonMillis = horizon.toMillis();
    }

    /** True if the key was recorded less than one horizon before {@code time}. */
    boolean isRecent(K key, Instant time) {
        Long at = recordedAt.get(key);
        return at != null && time.toEpochMilli() - at < horizonMillis;
    }

    /** Remembers the key as recorded at {@code time}, moving it to the young end. */
    void record(K key, Instant time) {
        recordedAt.remove(key);
        recordedAt.put(key, time.toEpochMilli());
    }

    /** Forgets every key recorded a full horizon or more before {@code now}. */
    void expire(Instant now) {
        long cutoff = now.toEpochMilli() - horizonMillis;
        Iterator<Map.Entry<K, Long>> oldest = recordedAt.entrySet().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().getValue() > cutoff) {
                return;
            }
            oldest.remove();
        }
    }

    int size() {
        return recordedAt.size();
    }
}
