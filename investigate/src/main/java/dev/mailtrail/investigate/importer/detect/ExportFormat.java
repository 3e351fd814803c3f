package dev.mailtrail.investigate.importer.detect;

/** The audit exports MailTrail imports (exchange-audit.md §8 and the shapes Sentinel keeps). */
public enum ExportFormat {
    PURVIEW_AUDIT_CSV(
            "Purview audit search export CSV",
            "header CreationDate,UserIds,Operations,AuditData or RecordId,CreationDate,RecordType,Operation,UserId,"
                    + "AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames"),
    UNIFIED_AUDIT_LOG_CSV(
            "Search-UnifiedAuditLog | Export-Csv",
            "an AuditData column with ResultIndex, ResultCount or RunspaceId, or a #TYPE line"),
    MANAGEMENT_ACTIVITY_JSON(
            "Management Activity API content blob",
            "a JSON array of AuditData records with CreationTime, RecordType, …"),
    AUDIT_DATA_JSON_LINES("JSON Lines of AuditData", "one AuditData object per line, or objects one after another"),
    MAILBOX_AUDIT_LOG_CSV(
            "Search-MailboxAuditLog -ShowDetails | Export-Csv",
            "columns Operation, OperationResult, LogonType, LastAccessed, MailboxOwnerUPN, …"),
    OFFICE_ACTIVITY_CSV(
            "Sentinel / Log Analytics OfficeActivity CSV",
            "columns TimeGenerated, UserId, Operation, … and no AuditData"),
    OFFICE_ACTIVITY_JSON(
            "Sentinel / Log Analytics OfficeActivity JSON",
            "an array or lines of objects with TimeGenerated, OfficeWorkload, Client_IPAddress, …"),
    UNIFIED_AUDIT_LOG_JSON(
            "Search-UnifiedAuditLog | ConvertTo-Json",
            "objects with AuditData (JSON text or an object) beside CreationDate, UserIds, Operations, …, in an array,"
                    + " one after another or one per line (also Microsoft-Extractor-Suite's Get-UAL JSON and JSONL)"),
    GRAPH_AUDIT_LOG_RECORDS(
            "Microsoft Graph audit log query records",
            "objects with auditData, createdDateTime, auditLogRecordType, …: the API's pages {\"value\":[…]}, an"
                    + " array (Microsoft-Extractor-Suite's Get-UALGraph JSON) or one per line"),
    CLOUD_APP_EVENTS_CSV(
            "Defender XDR advanced hunting CloudAppEvents CSV", "columns Timestamp, ActionType, …, RawEventData"),
    CLOUD_APP_EVENTS_JSON(
            "Defender XDR CloudAppEvents JSON",
            "rows with RawEventData, in an array, one per line or in a hunting response's results, or the"
                    + " streaming API's records with \"category\":\"AdvancedHunting-CloudAppEvents\""),
    MAILBOX_LIST_CSV(
            "Get-Mailbox / Get-EXOMailbox | Export-Csv (names of mailboxes, no records)",
            "columns UserPrincipalName or PrimarySmtpAddress with ExchangeGuid, ExternalDirectoryObjectId or"
                    + " LegacyExchangeDN");

    /** Whether the format holds audit records (a mailbox list holds only names). */
    public boolean holdsRecords() {
        return this != MAILBOX_LIST_CSV;
    }

    private final String title;
    private final String signature;

    ExportFormat(String title, String signature) {
        this.title = title;
        this.signature = signature;
    }

    /** How Microsoft's tools name the export. */
    public String title() {
        return title;
    }

    /** What in the content identifies it. */
    public String signature() {
        return signature;
    }

    /** One line per known format, for the message that says a file is none of them. */
    public static String describeAll() {
        StringBuilder all = new StringBuilder();
        for (ExportFormat format : values()) {
            all.append("\n  - ").append(format.title).append(": ").append(format.signature);
        }
        return all.toString();
    }
}
