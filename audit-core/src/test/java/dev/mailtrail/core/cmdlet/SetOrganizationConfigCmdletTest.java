package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import org.junit.jupiter.api.Test;

class SetOrganizationConfigCmdletTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.named("contoso.com"));

    @Test
    void auditDisabledTurnsTheOrganizationSwitchOnAndOff() {
        assertThat(run("Set-OrganizationConfig -AuditDisabled $true").succeeded())
                .isTrue();
        assertThat(configuration.organization().auditDisabled()).isTrue();

        assertThat(run("Set-OrganizationConfig -AuditDisabled:$false").succeeded())
                .isTrue();
        assertThat(configuration.organization().auditDisabled()).isFalse();
    }

    @Test
    void auditBaselineRollsABaselineOut() {
        run("Set-OrganizationConfig -AuditBaseline 2019-02");

        assertThat(configuration.organization().baseline()).isEqualTo(Baseline.B2019_02);
    }

    @Test
    void anUnknownBaselineListsTheKnownOnes() {
        CmdletOutcome outcome = run("Set-OrganizationConfig -AuditBaseline 2020");

        assertThat(outcome.error()).contains("\"2020\"", "2019-01, 2019-02, 2023");
        assertThat(configuration.organization().baseline()).isEqualTo(Baseline.B2023);
    }

    @Test
    void throttlingAndTheUnifiedLogFlowAreMailTrailsOwnSettings() {
        run("Set-OrganizationConfig -MailItemsAccessedThrottling Exchange"
                + " -UnifiedAuditLogExcludedActions MailItemsAccessed,SearchQueryInitiated");

        assertThat(configuration.organization().throttling()).isEqualTo(ThrottlingMode.EXCHANGE);
        assertThat(configuration.organization().keptOutOfUnifiedLog())
                .containsExactlyInAnyOrder(MailboxAction.MAIL_ITEMS_ACCESSED, MailboxAction.SEARCH_QUERY_INITIATED);

        run("Set-OrganizationConfig -UnifiedAuditLogExcludedActions None -MailItemsAccessedThrottling off");

        assertThat(configuration.organization().keptOutOfUnifiedLog()).isEmpty();
        assertThat(configuration.organization().throttling()).isEqualTo(ThrottlingMode.OFF);
    }

    @Test
    void aLineWithOneBadParameterChangesNothing() {
        OrganizationConfig before = configuration.organization();

        assertThat(run("Set-OrganizationConfig -AuditDisabled $true -MailItemsAccessedThrottling sometimes")
                        .succeeded())
                .isFalse();
        assertThat(run("Set-OrganizationConfig -AuditDisabled $true -UnifiedAuditLogExcludedActions Read")
                        .succeeded())
                .isFalse();

        assertThat(configuration.organization()).isEqualTo(before);
    }

    @Test
    void theObjectIsTheOrganization() {
        assertThat(run("Set-OrganizationConfig -AuditDisabled $false").objectId())
                .isEqualTo("contoso.com");
    }

    @Test
    void itTakesNoPositionalValue() {
        CmdletOutcome outcome = run("Set-OrganizationConfig contoso.com -AuditDisabled $true");

        assertThat(outcome.error())
                .startsWith("A positional parameter cannot be found that accepts argument" + " 'contoso.com'.");
        assertThat(configuration.organization().auditDisabled()).isFalse();
    }

    private CmdletOutcome run(String line) {
        return AuditCmdlets.run(configuration, line);
    }
}
