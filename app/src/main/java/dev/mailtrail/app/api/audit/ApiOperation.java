package dev.mailtrail.app.api.audit;

/**
 * The operations the API records, each an admin record's Operation (audit-core's {@code ApiAccessCmdlet} knows
 * them): search for them with {@code Search-UnifiedAuditLog -Operations NAME}.
 */
public enum ApiOperation {
    /** A sign-in to the API or console, succeeded or failed. */
    SIGN_IN("New-MailTrailApiSession"),
    SIGN_OUT("Remove-MailTrailApiSession"),
    /** A batch of events posted by a sensor. */
    POST_EVENTS("Add-MailTrailApiEvents"),
    /** An audit-log search (a page of results). */
    SEARCH("Search-MailTrailAuditLog"),
    /** An export of search results. */
    EXPORT("Export-MailTrailAuditLog"),
    /** The scope of a compromise. */
    SCOPE("Get-MailTrailScope"),
    /** A change of audit configuration made through the API (the change itself has its own admin record). */
    CONFIGURE("Set-MailTrailAuditConfiguration");

    private final String cmdlet;

    ApiOperation(String cmdlet) {
        this.cmdlet = cmdlet;
    }

    /** The Operation of its records. */
    public String cmdlet() {
        return cmdlet;
    }
}
