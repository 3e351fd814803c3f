package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.config.AuditConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every [bool] parameter of every cmdlet MailTrail runs is refused as PowerShell refuses it when it is given no
 * value (a shell ate an unquoted {@code $false}) or a value that is not Boolean; every [switch] stands alone.
 */
class BooleanParametersTest {
    record Case(String cmdlet, CmdletParameter parameter) {
        @Override
        public String toString() {
            return cmdlet + " -" + parameter.name();
        }
    }

    static Stream<Case> booleans() {
        return parameters(CmdletParameter.Kind.BOOLEAN);
    }

    static Stream<Case> switches() {
        return parameters(CmdletParameter.Kind.SWITCH);
    }

    private static Stream<Case> parameters(CmdletParameter.Kind kind) {
        List<Case> cases = new ArrayList<>();
        for (String name : AuditCmdlets.names()) {
            CmdletSyntax syntax = AuditCmdlets.syntax(name).orElseThrow();
            Stream.concat(syntax.parameters().stream(), CmdletSyntax.COMMON.stream())
                    .filter(p -> p.kind() == kind)
                    .forEach(p -> cases.add(new Case(syntax.name(), p)));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void aBooleanGivenNoValueIsRefusedAndChangesNothing(Case c) {
        for (String line : List.of(
                prefix(c) + " -" + c.parameter().name(),
                prefix(c) + " -" + c.parameter().name() + " -Confirm")) {
            AuditConfiguration configuration =
                    new AuditConfiguration(dev.mailtrail.core.config.OrganizationConfig.defaults());
            CmdletOutcome outcome = AuditCmdlets.run(configuration, line);

            assertThat(outcome.succeeded()).as(line).isFalse();
            assertThat(outcome.error())
                    .as(line)
                    .startsWith("Missing an argument for parameter '"
                            + c.parameter().name() + "'. Specify a parameter of type 'System.Boolean' and try again.");
            assertThat(configuration.organization().auditDisabled()).isFalse();
            assertThat(configuration.bypassed("svc@contoso.com")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void aBooleanGivenAValueThatIsNotBooleanIsRefused(Case c) {
        CmdletOutcome outcome = AuditCmdlets.run(
                new AuditConfiguration(dev.mailtrail.core.config.OrganizationConfig.defaults()),
                prefix(c) + " -" + c.parameter().name() + " maybe");

        assertThat(outcome.error())
                .startsWith("Cannot process argument transformation on parameter '"
                        + c.parameter().name()
                        + "'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters"
                        + " accept only Boolean values and numbers, such as $True, $False, 1 or 0.");
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void aBooleanTakesTrueAndFalse(Case c) {
        for (String value : List.of("$true", "$false", "1", "0", ":$false")) {
            String separator = value.startsWith(":") ? "" : " ";
            CmdletOutcome outcome = AuditCmdlets.run(
                    new AuditConfiguration(dev.mailtrail.core.config.OrganizationConfig.defaults()),
                    prefix(c) + " -" + c.parameter().name() + separator + value);
            assertThat(outcome.succeeded())
                    .as(c + " " + value + ": " + outcome.error())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("switches")
    void aSwitchStandsAlone(Case c) {
        CmdletOutcome outcome = AuditCmdlets.run(
                new AuditConfiguration(dev.mailtrail.core.config.OrganizationConfig.defaults()),
                prefix(c) + " -" + c.parameter().name());
        assertThat(outcome.succeeded()).as(c + ": " + outcome.error()).isTrue();
    }

    /** The least each cmdlet needs to succeed, without the parameter under test. */
    private static String prefix(Case c) {
        return switch (c.cmdlet()) {
            case "Set-Mailbox" -> "Set-Mailbox -Identity alice@contoso.com";
            case "Set-MailboxAuditBypassAssociation" ->
                c.parameter().name().equals("AuditBypassEnabled")
                        ? "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com"
                        : "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $false";
            case "New-UnifiedGroup" -> "New-UnifiedGroup -PrimarySmtpAddress team@contoso.com";
            case "New-InboxRule" -> "New-InboxRule -Mailbox alice@contoso.com -Name r";
            case String rule when rule.endsWith("-InboxRule") -> rule + " -Mailbox alice@contoso.com -Identity r";
            default -> c.cmdlet();
        };
    }
}
