package dev.mailtrail.core.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import org.junit.jupiter.api.Test;

/** The API's own records: recorded only, a failed sign-in False with its reason, unknown parameters refused. */
class ApiAccessCmdletTest {
    private final AuditConfiguration configuration = new AuditConfiguration(OrganizationConfig.named("contoso.com"));

    @Test
    void aSignInIsRecordedAndAFailedOneSaysWhy() {
        CmdletOutcome ok = AuditCmdlets.run(
                configuration, "New-MailTrailApiSession -UserName 'auditor' -Via 'password' -Result 'Succeeded'");
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.objectId()).isEqualTo("auditor");
        CmdletOutcome failed = AuditCmdlets.run(
                configuration, "New-MailTrailApiSession -UserName 'auditor' -Result 'Failed' -Reason 'wrong password'");
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error()).isEqualTo("wrong password");
    }

    @Test
    void aPostNamesItsEndpointAndQuotesSurvive() {
        CmdletOutcome posted = AuditCmdlets.run(
                configuration,
                "Add-MailTrailApiEvents -Events '3' -IdempotencyKey 'it''s-1' -Endpoint 'POST /api/v1/events'");
        assertThat(posted.succeeded()).isTrue();
        assertThat(posted.objectId()).isEqualTo("POST /api/v1/events");
        assertThat(posted.parameters().toString()).contains("it's-1");
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThat(AuditCmdlets.run(configuration, "Search-MailTrailAuditLog -Password 'x'")
                        .succeeded())
                .isFalse();
    }
}
