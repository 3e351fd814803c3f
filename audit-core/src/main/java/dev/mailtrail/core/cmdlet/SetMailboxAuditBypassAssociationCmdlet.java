package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;

/** {@code Set-MailboxAuditBypassAssociation -Identity X -AuditBypassEnabled $true|$false}, for acting accounts. */
final class SetMailboxAuditBypassAssociationCmdlet implements AuditCmdlet {
    @Override
    public String name() {
        return "Set-MailboxAuditBypassAssociation";
    }

    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            "Set-MailboxAuditBypassAssociation",
            "Lets an acting account (a backup or compliance service) through without any mailbox audit record, or"
                    + " ends that.",
            "Identity",
            java.util.List.of(
                    CmdletParameter.value("Identity", "MailboxAuditBypassAssociationIdParameter", "The acting account.")
                            .required(),
                    CmdletParameter.bool(
                                    "AuditBypassEnabled",
                                    "$true: nothing the account does in any mailbox is audited; $false ends it.")
                            .required()));

    @Override
    public CmdletSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        return arguments.textOf("Identity");
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        String identity = arguments.requireIdentity(name());
        CmdletLine.Parameter enabled = arguments.find("AuditBypassEnabled");
        if (enabled == null) {
            throw new CmdletException(
                    "Cannot process command because of one or more missing mandatory parameters: AuditBypassEnabled.");
        }
        configuration.setBypass(identity, arguments.bool(enabled));
    }
}
