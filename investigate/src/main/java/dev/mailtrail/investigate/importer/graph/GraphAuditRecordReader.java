package dev.mailtrail.investigate.importer.graph;

import dev.mailtrail.investigate.importer.decode.AuditDataMember;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.source.SourceUnit;

/**
 * Microsoft Graph's audit log query records ({@code security/auditLog/queries/{id}/records}, beta and v1.0):
 * {@code auditLogRecord} objects whose {@code auditData} member is the AuditData under Exchange's own names, with
 * Graph's OData annotations ({@code "RecordType@odata.type":"#Int64"} …), which are removed. The record is that
 * member; the envelope ({@code id}, {@code createdDateTime}, {@code auditLogRecordType}, {@code userPrincipalName},
 * {@code clientIp} …) is kept as written in the export columns. The envelope is not read into the record: its
 * {@code userId} holds AuditData's UserKey, not its UserId, and its {@code clientIp} may be null where AuditData
 * has the address.
 *
 * <p>Thread-safe.
 */
public final class GraphAuditRecordReader implements UnitDecoder {
    private final AuditDataMember auditData = new AuditDataMember("auditData", "auditLogRecord");

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        return auditData.decode(unit);
    }
}
