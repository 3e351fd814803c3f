package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cmdlets that change audit configuration (and the inbox-rule cmdlets, recorded only), dispatched by name
 * from one table. Every line, accepted or
 * refused, yields a {@link CmdletOutcome} for its admin audit record; a refused line changes nothing.
 */
public final class AuditCmdlets {
    private static final Map<String, AuditCmdlet> TABLE = java.util.stream.Stream.concat(
                    java.util.stream.Stream.<AuditCmdlet>of(
                            new SetMailboxCmdlet(),
                            new SetOrganizationConfigCmdlet(),
                            new SetMailboxAuditBypassAssociationCmdlet(),
                            new NewUnifiedGroupCmdlet(),
                            new AddMailTrailJournalDamageCmdlet()),
                    java.util.stream.Stream.concat(
                            InboxRuleCmdlet.NAMES.stream().<AuditCmdlet>map(InboxRuleCmdlet::new),
                            ApiAccessCmdlet.NAMES.stream().<AuditCmdlet>map(ApiAccessCmdlet::new)))
            .collect(Collectors.toUnmodifiableMap(c -> c.name().toLowerCase(Locale.ROOT), Function.identity()));

    private AuditCmdlets() {}

    /** The exact error Exchange gives for adding MessageBind. */
    public static String messageBindDeprecated() {
        return SetMailboxCmdlet.MESSAGE_BIND_DEPRECATED;
    }

    /** The names of the cmdlets MailTrail runs on the audit configuration, as Exchange spells them. */
    public static List<String> names() {
        return TABLE.values().stream().map(AuditCmdlet::name).sorted().toList();
    }

    /** The parameter table of the changing cmdlet {@code name} (any case), if MailTrail has it. */
    public static java.util.Optional<CmdletSyntax> syntax(String name) {
        return java.util.Optional.ofNullable(TABLE.get(name.toLowerCase(Locale.ROOT)))
                .map(AuditCmdlet::syntax);
    }

    public static CmdletOutcome run(AuditConfiguration configuration, String commandLine) {
        CmdletLine line;
        try {
            line = CmdletParser.parse(commandLine);
        } catch (CmdletSyntaxException e) {
            return CmdletOutcome.failure(firstWord(commandLine), e.getMessage(), "", List.of());
        }
        AuditCmdlet cmdlet = TABLE.get(line.name().toLowerCase(Locale.ROOT));
        if (cmdlet == null) {
            return CmdletOutcome.failure(
                    line.name(),
                    "The term '" + line.name() + "' is not recognized as the name of a cmdlet MailTrail audits."
                            + " Known: Set-Mailbox, Set-OrganizationConfig, Set-MailboxAuditBypassAssociation,"
                            + " New-UnifiedGroup, New-InboxRule, Set-InboxRule, Remove-InboxRule, Enable-InboxRule,"
                            + " Disable-InboxRule.",
                    "",
                    List.of());
        }
        CmdletArguments arguments;
        try {
            arguments = new CmdletArguments(line, cmdlet.syntax());
        } catch (CmdletException e) {
            return CmdletOutcome.failure(cmdlet.name(), e.getMessage(), "", List.of());
        }
        String objectId = cmdlet.objectId(arguments, configuration);
        try {
            cmdlet.apply(arguments, configuration);
            return CmdletOutcome.success(cmdlet.name(), objectId, arguments.recordParameters());
        } catch (CmdletException e) {
            return CmdletOutcome.failure(cmdlet.name(), e.getMessage(), objectId, arguments.recordParameters());
        }
    }

    private static String firstWord(String commandLine) {
        String trimmed = commandLine.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
