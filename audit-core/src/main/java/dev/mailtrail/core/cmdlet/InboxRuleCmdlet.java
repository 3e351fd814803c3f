package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code New-InboxRule}, {@code Set-InboxRule}, {@code Remove-InboxRule}, {@code Enable-InboxRule} and
 * {@code Disable-InboxRule}: a mailbox's inbox rules live in the mail server, not in the audit configuration, so these
 * change nothing here; they exist for their admin record (Operation = the cmdlet, ObjectId = {@code mailbox\rule},
 * Parameters as given), the record Exchange keeps when a rule is made from a client such as Outlook on the web. A
 * sensor in front of a mail server's own rules (ManageSieve) reports each change as such a line. MailTrail's
 * additions: {@code -SieveScript} and {@code -SieveRule} (where the rule came from), {@code -ExternalRecipients} (the
 * forward and redirect addresses outside the mailbox's domain), {@code -PreviousScript Unknown} (the change could not
 * be compared with what was there before) and {@code -ServerError} (the mail server refused the change: the record
 * says False with the server's words).
 */
final class InboxRuleCmdlet implements AuditCmdlet {

    static final List<String> NAMES =
            List.of("New-InboxRule", "Set-InboxRule", "Remove-InboxRule", "Enable-InboxRule", "Disable-InboxRule");

    private static final List<String> CONDITIONS = List.of(
            "From",
            "FromAddressContainsWords",
            "SentTo",
            "RecipientAddressContainsWords",
            "SubjectContainsWords",
            "BodyContainsWords",
            "SubjectOrBodyContainsWords",
            "HeaderContainsWords",
            "MessageTypeMatches",
            "WithinSizeRangeMinimum",
            "WithinSizeRangeMaximum");
    private static final List<String> OTHERS = List.of(
            "Identity",
            "Mailbox",
            "Name",
            "Enabled",
            "Priority",
            "ForwardTo",
            "RedirectTo",
            "ForwardAsAttachmentTo",
            "MoveToFolder",
            "CopyToFolder",
            "DeleteMessage",
            "SoftDeleteMessage",
            "MarkAsRead",
            "MarkImportance",
            "StopProcessingRules",
            "AlwaysDeleteOutlookRulesBlob",
            "SieveScript",
            "SieveRule",
            "ExternalRecipients",
            "PreviousScript",
            "Vacation",
            "ServerError");

    /** Exchange's [bool] rule parameters: each needs $true or $false. */
    private static final Set<String> BOOLEANS =
            Set.of("Enabled", "DeleteMessage", "SoftDeleteMessage", "MarkAsRead", "StopProcessingRules");

    private final CmdletSyntax syntax;

    InboxRuleCmdlet(String name) {
        List<CmdletParameter> parameters = new ArrayList<>();
        for (String other : OTHERS) {
            parameters.add(parameter(other));
        }
        for (String condition : CONDITIONS) {
            parameters.add(parameter(condition));
            parameters.add(parameter("ExceptIf" + condition));
        }
        this.syntax = new CmdletSyntax(
                name,
                "Recorded only: an inbox rule of a mailbox changed (from a client, or a Sieve script through the"
                        + " ManageSieve proxy); the rule itself lives in the mail server.",
                name.equals("New-InboxRule") ? "Name" : "Identity",
                parameters);
    }

    private static CmdletParameter parameter(String name) {
        if (BOOLEANS.contains(name)) {
            return CmdletParameter.bool(name, "$true or $false.");
        }
        if (name.equals("AlwaysDeleteOutlookRulesBlob")) {
            return CmdletParameter.switchParameter(name, "Accepted and recorded.");
        }
        return CmdletParameter.value(name, "String", "Recorded as given.");
    }

    @Override
    public String name() {
        return syntax.name();
    }

    @Override
    public CmdletSyntax syntax() {
        return syntax;
    }

    /** Exchange names a rule {@code mailbox\rule}; an Identity given in that form is used as it is. */
    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        String identity = arguments.textOf("Identity");
        if (identity.contains("\\")) {
            return identity;
        }
        String rule = identity.isEmpty() ? arguments.textOf("Name") : identity;
        String mailbox = arguments.textOf("Mailbox");
        return mailbox.isEmpty() ? rule : mailbox + "\\" + rule;
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        if (arguments.find("Name") == null && arguments.find("Identity") == null) {
            throw new CmdletException("Cannot process command because of one or more missing mandatory parameters: "
                    + (name().equals("New-InboxRule") ? "Name" : "Identity") + ".");
        }
        CmdletLine.Parameter refused = arguments.find("ServerError");
        if (refused != null) {
            throw new CmdletException(arguments.scalar(refused));
        }
    }
}
