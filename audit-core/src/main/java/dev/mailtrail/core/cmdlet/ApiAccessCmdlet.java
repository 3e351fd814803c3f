package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.List;

/**
 * What was done through MailTrail's HTTPS API or console, kept as admin records the way Purview keeps its own audit
 * searches: who signed in (or failed to), who posted events, and who searched, exported, scoped or changed what, with
 * the query and the client address. They change no configuration; {@code -Result Failed} makes the record's
 * ResultStatus False with {@code -Reason} as its error, so failed sign-ins are one search away
 * ({@code Search-UnifiedAuditLog -Operations New-MailTrailApiSession}).
 */
final class ApiAccessCmdlet implements AuditCmdlet {

    static final List<String> NAMES = List.of(
            "New-MailTrailApiSession",
            "Remove-MailTrailApiSession",
            "Add-MailTrailApiEvents",
            "Search-MailTrailAuditLog",
            "Export-MailTrailAuditLog",
            "Get-MailTrailScope",
            "Set-MailTrailAuditConfiguration");

    private static final List<CmdletParameter> PARAMETERS = java.util.stream.Stream.of(
                    "UserName",
                    "Via",
                    "Result",
                    "Reason",
                    "Query",
                    "Mailboxes",
                    "Format",
                    "Events",
                    "Rejected",
                    "IdempotencyKey",
                    "Endpoint")
            .map(parameter -> CmdletParameter.value(parameter, "String", "What the API call was."))
            .toList();

    private final String name;
    private final CmdletSyntax syntax;

    ApiAccessCmdlet(String name) {
        this.name = name;
        this.syntax = new CmdletSyntax(
                name,
                "Records a sign-in, an event post or a search made through the HTTPS API (written by mt,"
                        + " not typed).",
                null,
                PARAMETERS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CmdletSyntax syntax() {
        return syntax;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        String endpoint = arguments.textOf("Endpoint");
        return endpoint.isEmpty() ? arguments.textOf("UserName") : endpoint;
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        if ("Failed".equalsIgnoreCase(arguments.textOf("Result"))) {
            String reason = arguments.textOf("Reason");
            throw new CmdletException(reason.isEmpty() ? "Failed" : reason);
        }
    }
}
