package dev.mailtrail.investigate.importer.unified;

import dev.mailtrail.investigate.importer.decode.AuditDataMember;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitDecoder;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.source.SourceUnit;

/**
 * {@code Search-UnifiedAuditLog}'s objects written as JSON: {@code | ConvertTo-Json} (Windows PowerShell writes
 * {@code CreationDate} as {@code "\/Date(1772660402000)\/"}, PowerShell 7 as ISO text; {@code RecordType} a number
 * or a name), and Microsoft-Extractor-Suite's {@code Get-UAL -Output JSON} (AuditData parsed into an object) and
 * {@code -Output JSONL} (one compressed object per line, AuditData as text). The record is the {@code AuditData}
 * member, read losslessly; {@code RecordType}, {@code CreationDate}, {@code UserIds}, {@code Operations},
 * {@code ResultIndex}, {@code Identity} … are kept as written in the export columns.
 *
 * <p>Thread-safe.
 */
public final class UnifiedAuditLogJsonReader implements UnitDecoder {
    private final AuditDataMember auditData = new AuditDataMember("AuditData", "Search-UnifiedAuditLog object");

    @Override
    public DecodedRecord decode(SourceUnit unit) throws UnitRejected {
        return auditData.decode(unit);
    }
}
