package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches {@code mt} when a shell ate an unquoted {@code $false}: the Boolean parameter alone, which is
 * refused as PowerShell refuses it and changes nothing.
 */
class BooleanParameterLineTest {
    @TempDir
    Path data;

    @Test
    void auditDisabledWithItsValueEatenIsRefusedAndAuditingStaysOn() {
        MtRun refused = MtRun.of("Set-OrganizationConfig", "--data", data.toString(), "-AuditDisabled");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("Missing an argument for parameter 'AuditDisabled'. Specify a parameter of type"
                        + " 'System.Boolean' and try again.");
        assertThat(MtRun.of("Get-OrganizationConfig", "--data", data.toString()).out())
                .contains("AuditDisabled                  : False");
    }

    @Test
    void auditEnabledAndAuditBypassEnabledAloneAreRefused() {
        MtRun mailbox = MtRun.of("Set-Mailbox", "--data", data.toString(), "-Identity", "x", "-AuditEnabled");
        MtRun bypass = MtRun.of(
                "Set-MailboxAuditBypassAssociation",
                "--data",
                data.toString(),
                "-Identity",
                "svc",
                "-AuditBypassEnabled");

        assertThat(mailbox.exit()).isEqualTo(1);
        assertThat(mailbox.err()).startsWith("Missing an argument for parameter 'AuditEnabled'.");
        assertThat(bypass.exit()).isEqualTo(1);
        assertThat(bypass.err()).startsWith("Missing an argument for parameter 'AuditBypassEnabled'.");
        assertThat(MtRun.of("Get-MailboxAuditBypassAssociation", "--data", data.toString(), "svc")
                        .out())
                .contains("AuditBypassEnabled             : False");
    }

    @Test
    void aValueThatIsNotBooleanGetsPowerShellsConversionError() {
        MtRun maybe = MtRun.of("Set-Mailbox", "--data", data.toString(), "-Identity", "x", "-AuditEnabled", "maybe");

        assertThat(maybe.exit()).isEqualTo(1);
        assertThat(maybe.err())
                .startsWith("Cannot process argument transformation on parameter 'AuditEnabled'. Cannot convert value"
                        + " \"System.String\" to type \"System.Boolean\".");
    }

    @Test
    void theSearchesBooleanIsRefusedAloneAndTheirSwitchStandsAlone() {
        MtRun.of("Set-Mailbox", "--data", data.toString(), "-Identity", "x", "-AuditEnabled", "$true");

        MtRun external = MtRun.of("Search-MailboxAuditLog", "--data", data.toString(), "x", "-ExternalAccess");
        MtRun details = MtRun.of("Search-MailboxAuditLog", "--data", data.toString(), "-ShowDetails", "x");

        assertThat(external.exit()).isEqualTo(1);
        assertThat(external.err()).startsWith("Missing an argument for parameter 'ExternalAccess'.");
        assertThat(details.exit()).as(details.err()).isZero();
    }

    @Test
    void aSwitchStandsAloneWhereExchangeDefinesOne() {
        MtRun forced = MtRun.of(
                "Set-Mailbox",
                "--data",
                data.toString(),
                "-Identity",
                "x",
                "-AuditEnabled",
                "$false",
                "-Force",
                "-Confirm");

        assertThat(forced.exit()).as(forced.err()).isZero();
    }
}
