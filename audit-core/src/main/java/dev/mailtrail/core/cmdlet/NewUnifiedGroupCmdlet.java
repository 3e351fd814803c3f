package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;
import java.util.Set;

/**
 * {@code New-UnifiedGroup -PrimarySmtpAddress X}: brings a Microsoft 365 group mailbox into existence, with its
 * fixed audit set. Only the address matters to auditing; DisplayName and Alias are accepted and recorded.
 */
final class NewUnifiedGroupCmdlet implements AuditCmdlet {
    @Override
    public String name() {
        return "New-UnifiedGroup";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("PrimarySmtpAddress", "DisplayName", "Alias");
    }

    @Override
    public String positionalParameter() {
        return null;
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
