package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.record.AuditRecord;

/**
 * Who acted and how, as a record tells it: acting UserId, SessionId, client IP (without port), ClientInfoString,
 * LogonType (0 Owner, 1 Admin, 2 Delegate) and the record's Id.
 */
public record AccessContext(
        String userId, String sessionId, String ip, String client, Integer logonType, String recordId) {

    static AccessContext of(AuditRecord record) {
        return new AccessContext(
                record.userId(),
                record.sessionId(),
                AttackerHints.clientIp(record),
                record.clientInfoString(),
                record.logonType(),
                record.id());
    }

    /** The session a record belongs to: its SessionId, or its IP and client where it has none. */
    public String sessionKey() {
        if (sessionId != null && !sessionId.isBlank()) {
            return sessionId;
        }
        return (ip == null ? "no IP" : ip) + " " + (client == null ? "no client" : client);
    }
}
