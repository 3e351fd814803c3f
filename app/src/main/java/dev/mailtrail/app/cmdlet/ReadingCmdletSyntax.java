package dev.mailtrail.app.cmdlet;

import dev.mailtrail.core.cmdlet.CmdletParameter;
import dev.mailtrail.core.cmdlet.CmdletSyntax;
import java.util.List;

/** The parameter tables of the cmdlets that only read: what their lines bind against and what their help shows. */
final class ReadingCmdletSyntax {
    private static final CmdletParameter RESULT_SIZE = CmdletParameter.value(
            "ResultSize", "Unlimited", "How many results at most: a number or Unlimited (no maximum).");
    private static final CmdletParameter FORMAT =
            CmdletParameter.value("Format", "String", "MailTrail: List (the default), Json, Jsonl, Csv or PurviewCsv.");

    static final CmdletSyntax GET_MAILBOX = new CmdletSyntax(
            "Get-Mailbox",
            "Shows a mailbox's audit settings (every mailbox when no Identity is given).",
            "Identity",
            List.of(CmdletParameter.value("Identity", "MailboxIdParameter", "The mailbox, by address."), RESULT_SIZE));

    static final CmdletSyntax GET_ORGANIZATION_CONFIG = new CmdletSyntax(
            "Get-OrganizationConfig",
            "Shows the organisation's audit settings: AuditDisabled and MailTrail's organisation-wide choices.",
            null,
            List.of());

    static final CmdletSyntax GET_MAILBOX_AUDIT_BYPASS_ASSOCIATION = new CmdletSyntax(
            "Get-MailboxAuditBypassAssociation",
            "Shows whether an acting account bypasses mailbox auditing (every bypassed account when no Identity is"
                    + " given).",
            "Identity",
            List.of(
                    CmdletParameter.value(
                            "Identity", "MailboxAuditBypassAssociationIdParameter", "The acting account."),
                    RESULT_SIZE));

    static final CmdletSyntax SEARCH_UNIFIED_AUDIT_LOG = new CmdletSyntax(
            "Search-UnifiedAuditLog",
            "Searches the unified audit log, newest first (100 results unless -ResultSize says otherwise).",
            null,
            List.of(
                    CmdletParameter.value("StartDate", "ExDateTime", "Start of the range (UTC unless a zone is given).")
                            .required(),
                    CmdletParameter.value("EndDate", "ExDateTime", "End of the range, not included.")
                            .required(),
                    CmdletParameter.value(
                            "RecordType",
                            "AuditRecordType",
                            "Record types, e.g. ExchangeItemAggregated,ExchangeAdmin."),
                    CmdletParameter.value("Operations", "String[]", "Operations, e.g. MailItemsAccessed,Send."),
                    CmdletParameter.value("UserIds", "String[]", "Users who acted."),
                    CmdletParameter.value("IPAddresses", "String[]", "Client IP addresses."),
                    CmdletParameter.value("ObjectIds", "String[]", "Objects acted on."),
                    CmdletParameter.value("FreeText", "String", "Text anywhere in the record."),
                    RESULT_SIZE,
                    CmdletParameter.value("SessionId", "String", "Accepted for paging scripts; all results stream."),
                    CmdletParameter.value(
                            "SessionCommand", "String", "Accepted for paging scripts; all results stream."),
                    CmdletParameter.switchParameter("Formatted", "Accepted; AuditData is always shown as stored."),
                    FORMAT));

    static final CmdletSyntax SEARCH_MAILBOX_AUDIT_LOG = new CmdletSyntax(
            "Search-MailboxAuditLog",
            "Searches the mailbox audit log: a summary per mailbox, or each entry with -ShowDetails (1,000 unless"
                    + " -ResultSize says otherwise).",
            "Identity",
            List.of(
                    CmdletParameter.value("Identity", "MailboxIdParameter", "The mailbox, by address."),
                    CmdletParameter.value(
                            "Mailboxes", "MultiValuedProperty", "Several mailboxes, instead of Identity."),
                    CmdletParameter.value(
                            "StartDate", "ExDateTime", "Start of the range (UTC unless a zone is given)."),
                    CmdletParameter.value("EndDate", "ExDateTime", "End of the range, not included."),
                    CmdletParameter.value("LogonTypes", "MultiValuedProperty", "Owner, Delegate or Admin."),
                    CmdletParameter.value("Operations", "MultiValuedProperty", "Mailbox actions, e.g. HardDelete."),
                    CmdletParameter.switchParameter("ShowDetails", "Each entry with its details, not a summary."),
                    RESULT_SIZE,
                    CmdletParameter.bool(
                            "ExternalAccess", "$true: only access by Microsoft staff or admins outside; $false: none."),
                    FORMAT));

    private ReadingCmdletSyntax() {}
}
