package dev.mailtrail.core.cmdlet;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.CmdletValue.Text;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Set-OrganizationConfig -AuditDisabled $true|$false}, plus MailTrail's own organisation settings
 * under the same cmdlet: {@code -AuditBaseline} (roll a managed baseline out), {@code
 * -MailItemsAccessedThrottling Exchange|Off} and {@code -UnifiedAuditLogExcludedActions} (the flow policy).
 */
final class SetOrganizationConfigCmdlet implements AuditCmdlet {
    @Override
    public String name() {
        return "Set-OrganizationConfig";
    }

    static final CmdletSyntax SYNTAX = new CmdletSyntax(
            "Set-OrganizationConfig",
            "Turns mailbox auditing off or on for the whole organisation, and sets MailTrail's organisation-wide"
                    + " audit choices.",
            null,
            java.util.List.of(
                    CmdletParameter.bool(
                            "AuditDisabled",
                            "$true turns mailbox auditing off for every mailbox; $false (the default) turns it on."),
                    CmdletParameter.value(
                            "AuditBaseline",
                            "String",
                            "MailTrail: roll a managed default set out: 2019-01, 2019-02 or 2023."),
                    CmdletParameter.value(
                            "MailItemsAccessedThrottling",
                            "String",
                            "MailTrail: Exchange (1,000 records per mailbox per 24 hours) or Off (the default)."),
                    CmdletParameter.value(
                            "UnifiedAuditLogExcludedActions",
                            "MultiValuedProperty",
                            "MailTrail: actions kept in the mailbox audit log only.")));

    @Override
    public CmdletSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String objectId(CmdletArguments arguments, AuditConfiguration configuration) {
        return configuration.organization().organizationName();
    }

    @Override
    public void apply(CmdletArguments arguments, AuditConfiguration configuration) throws CmdletException {
        OrganizationConfig organization = configuration.organization();
        for (CmdletLine.Parameter parameter : arguments.all()) {
            if (arguments.isCommon(parameter)) {
                continue;
            }
            organization = switch (parameter.name()) {
                case "AuditDisabled" -> organization.withAuditDisabled(arguments.bool(parameter));
                case "AuditBaseline" -> organization.withBaseline(baseline(arguments.scalar(parameter)));
                case "MailItemsAccessedThrottling" ->
                    organization.withThrottling(throttling(arguments.scalar(parameter)));
                case "UnifiedAuditLogExcludedActions" -> organization.withKeptOutOfUnifiedLog(actions(parameter));
                default -> throw new IllegalStateException("unhandled parameter " + parameter.name());
            };
        }
        configuration.setOrganization(organization);
    }

    private static Baseline baseline(String text) throws CmdletException {
        return Baseline.parse(text)
                .orElseThrow(() -> new CmdletException("Cannot convert value \"" + text
                        + "\" for parameter AuditBaseline. Specify one of the following values and try again: "
                        + Arrays.stream(Baseline.values()).map(Baseline::label).collect(Collectors.joining(", "))
                        + "."));
    }

    private static ThrottlingMode throttling(String text) throws CmdletException {
        return ThrottlingMode.parse(text)
                .orElseThrow(() -> new CmdletException("Cannot convert value \"" + text
                        + "\" for parameter MailItemsAccessedThrottling. Specify one of the following values and"
                        + " try again: Exchange, Off."));
    }

    private static Set<MailboxAction> actions(CmdletLine.Parameter parameter) throws CmdletException {
        EnumSet<MailboxAction> actions = EnumSet.noneOf(MailboxAction.class);
        for (Text item : CmdletArguments.list(parameter)) {
            if (item.text().equalsIgnoreCase("None")) {
                continue;
            }
            actions.add(MailboxAction.parse(item.text())
                    .orElseThrow(() -> new CmdletException("Cannot convert value \"" + item.text()
                            + "\" to a mailbox audit action for UnifiedAuditLogExcludedActions.")));
        }
        return actions;
    }
}
