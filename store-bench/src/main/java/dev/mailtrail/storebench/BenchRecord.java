package dev.mailtrail.storebench;

import java.util.List;

/**
 * One generated audit record: the AuditData JSON every store must keep whole, and the columns every store indexes.
 *
 * @param seq position in the generated stream, unique; the tie-breaker when two records share a second
 * @param creationTime AuditData {@code CreationTime} in epoch seconds
 * @param recordType AuditData {@code RecordType}
 * @param operation AuditData {@code Operation}
 * @param userId AuditData {@code UserId}
 * @param mailbox AuditData {@code MailboxOwnerUPN}, or the target mailbox of an admin cmdlet
 * @param clientIp AuditData {@code ClientIP}
 * @param sessionId AuditData {@code SessionId}, empty for admin records
 * @param messageIds every {@code InternetMessageId} in the record, for the free-text lookup
 * @param auditData the AuditData JSON
 */
public record BenchRecord(
        long seq,
        long creationTime,
        int recordType,
        String operation,
        String userId,
        String mailbox,
        String clientIp,
        String sessionId,
        List<String> messageIds,
        String auditData) {}
