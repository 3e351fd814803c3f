package dev.mailtrail.store.log;

import java.time.Instant;

/**
 * A stored record as a search returns it: the AuditData JSON exactly as stored, and the columns exports put beside
 * it, so that exporting never parses JSON.
 *
 * @param sequence the store's order of arrival, the tie-breaker between records of the same time
 */
public record FoundRecord(
        String auditData,
        String id,
        Instant creationTime,
        int recordType,
        String operation,
        String userId,
        long sequence) {}
