package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.Set;

/** {@code Set-MailboxAuditBypassAssociation -Identity X -AuditBypassEnabled $true|$false}, for acting accounts. */
final class SetMailboxAuditBypassAssociationCmdlet implements AuditCmdlet {
    @Override
    public String name() {
        return "Set-MailboxAuditBypassAssociation";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("Identity", "AuditBypassEnabled");
    }

    @Override
    public String positionalParameter() {
        return "Identity";
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
