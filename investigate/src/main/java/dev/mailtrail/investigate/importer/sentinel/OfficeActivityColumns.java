package dev.mailtrail.investigate.importer.sentinel;

import java.util.Map;
import java.util.Set;

/**
 * How Sentinel's {@code OfficeActivity} table names AuditData's fields, and which of its columns are Log
 * Analytics' own (the workspace, the ingestion) rather than the record's.
 */
final class OfficeActivityColumns {
    /** Sentinel's column name → AuditData's field name, where they differ. */
    static final Map<String, String> RENAMED = Map.of(
            "OfficeId", "Id",
            "OfficeWorkload", "Workload",
            "OfficeObjectId", "ObjectId",
            "Client_IPAddress", "ClientIPAddress",
            "Logon_Type", "LogonType",
            "CrossMailboxOperations", "CrossMailboxOperation");

    /** Columns Log Analytics adds; kept in the export columns, not in the record. */
    static final Set<String> WORKSPACE = Set.of(
            "TenantId",
            "SourceSystem",
            "Type",
            "TimeGenerated",
            "OfficeTenantId",
            "SourceRecordId",
            "MG",
            "ManagementGroupName",
            "Computer",
            "_ResourceId",
            "_ItemId",
            "_Internal_WorkspaceResourceId",
            "_BilledSize",
            "_IsBillable",
            "_SubscriptionId",
            "_TimeReceived");

    /** AuditData's structured fields, which Sentinel stores as JSON text; text that is not JSON is refused. */
    static final Set<String> JSON_FIELDS =
            Set.of("Parameters", "OperationProperties", "Item", "Folder", "Folders", "DestFolder", "AffectedItems");

    private OfficeActivityColumns() {}

    static String auditDataName(String column) {
        return RENAMED.getOrDefault(column, column);
    }
}
