package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;

/**
 * {@code New-UnifiedGroup -PrimarySmtpAddress X}: brings a Microsoft 365 group mailbox into existence, with its
 * fixed audit set. Only the address matters to auditing; DisplayName and Alias are accepted and recorded.
 */
final class NewUnifiedGroupCmdlet implements AuditCmdlet {
    @Override
    public String name() {
        return "New-UnifiedGroup";
    }

    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            "New-UnifiedGroup",
            "Makes a Microsoft 365 group mailbox, audited with the fixed set Exchange gives groups.",
            null,
            java.util.List.of(
                    CmdletParameter.value("PrimarySmtpAddress", "SmtpAddress", "The group mailbox's address.")
                            .required(),
                    CmdletParameter.value("DisplayName", "String", "Accepted and recorded."),
                    CmdletParameter.value("Alias", "String", "Accepted and recorded.")));

    @Override
    public CmdletSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        return arguments.textOf("PrimarySmtpAddress");
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        CmdletLine.Parameter parameter = arguments.find("PrimarySmtpAddress");
        if (parameter == null || parameter.value() == null) {
            throw new CmdletException(
                    "Cannot process command because of one or more missing mandatory parameters: PrimarySmtpAddress.");
        }
        String address = arguments.scalar(parameter);
        if (configuration.knows(address)) {
            throw new CmdletException("The email address \"" + address + "\" is already being used by "
                    + configuration.mailbox(address).identity() + ".");
        }
        configuration.put(MailboxAuditConfig.newMailbox(address, MailboxType.GROUP_MAILBOX));
    }
}
