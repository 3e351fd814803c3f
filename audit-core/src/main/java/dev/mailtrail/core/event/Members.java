package dev.mailtrail.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The members of a nested AuditData object that MailTrail does not model ({@code Sensitivity},
 * {@code ImmutableId}, {@code ClientRequestId} on an item), or a modelled one given in another JSON type: a
 * plain JSON-like tree (String, Number, Boolean, null, List, Map) in the order written, kept beside the modelled
 * members so that a record read from a Microsoft export writes back as the same JSON.
 */
public final class Members {
    private Members() {}

    /** An unmodifiable copy that keeps the order and null values; empty for null. */
    public static Map<String, Object> copy(Map<String, Object> members) {
        return members == null || members.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
}
