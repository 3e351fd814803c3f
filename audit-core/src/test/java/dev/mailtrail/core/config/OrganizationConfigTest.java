package dev.mailtrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.MailboxAction;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationConfigTest {
    @Test
    void defaultsAreAuditingOnTheNewestBaselineAndLosslessThrottling() {
        OrganizationConfig defaults = OrganizationConfig.defaults();

        assertThat(defaults.auditDisabled()).isFalse();
        assertThat(defaults.baseline()).isEqualTo(Baseline.newest());
        assertThat(defaults.throttling()).isEqualTo(ThrottlingMode.OFF);
        assertThat(defaults.auditEnabledHonoured()).isFalse();
        assertThat(defaults.flowsToUnifiedLog(MailboxAction.MAIL_ITEMS_ACCESSED))
                .isTrue();
    }

    @Test
    void theOrganizationIdIsStableForAName() {
        assertThat(OrganizationConfig.named("contoso.com").organizationId())
                .isEqualTo(OrganizationConfig.named("contoso.com").organizationId())
                .isNotEqualTo(OrganizationConfig.named("fabrikam.com").organizationId());
    }

    @Test
    void eachWitherChangesOnlyItsSetting() {
        OrganizationConfig base = OrganizationConfig.named("contoso.com");

        OrganizationConfig changed = base.withAuditDisabled(true)
                .withBaseline(Baseline.B2019_01)
                .withThrottling(ThrottlingMode.EXCHANGE)
                .withKeptOutOfUnifiedLog(Set.of(MailboxAction.MAIL_ITEMS_ACCESSED))
                .withAuditEnabledHonoured(true);

        assertThat(changed.organizationId()).isEqualTo(base.organizationId());
        assertThat(changed.organizationName()).isEqualTo("contoso.com");
        assertThat(changed.auditDisabled()).isTrue();
        assertThat(changed.baseline()).isEqualTo(Baseline.B2019_01);
        assertThat(changed.throttling()).isEqualTo(ThrottlingMode.EXCHANGE);
        assertThat(changed.flowsToUnifiedLog(MailboxAction.MAIL_ITEMS_ACCESSED)).isFalse();
        assertThat(changed.flowsToUnifiedLog(MailboxAction.SEND)).isTrue();
        assertThat(changed.auditEnabledHonoured()).isTrue();
    }
}
