package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration cmdlets as an administrator types them in a shell: each a real mt process on a data directory. */
class ConfigurationCmdletsProcessTest {
    @TempDir
    Path data;

    @Test
    void anAddEditTypedInAShellPersistsAndShowsInGetMailbox() {
        Result set = MtProcess.run(
                data, "Set-Mailbox", "-Identity", "alice@contoso.com", "-AuditOwner", "@{Add=\"MailboxLogin\"}");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).isEmpty();

        Result get = MtProcess.run(data, "get-mailbox", "alice@contoso.com");

        assertThat(get.exit()).as(get.err()).isZero();
        assertThat(get.out())
                .contains("Identity             : alice@contoso.com")
                .contains("AuditEnabled         : True")
                .contains("AuditLogAgeLimit     : 90.00:00:00")
                .containsPattern("AuditOwner +: \\{.*MailItemsAccessed.*MailboxLogin\\}")
                .contains("DefaultAuditSet      : {Admin, Delegate}");
    }

    @Test
    void messageBindIsRefusedWithExchangesTextAndNothingChanges() {
        MtProcess.run(data, "Set-Mailbox", "-Identity", "alice@contoso.com", "-AuditLogAgeLimit", "30.00:00:00");
        Result before = MtProcess.run(data, "Get-Mailbox", "-Identity", "alice@contoso.com");

        Result refused = MtProcess.run(
                data, "Set-Mailbox", "-Identity", "alice@contoso.com", "-AuditOwner", "@{Add=\"MessageBind\"}");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip())
                .isEqualTo("MessageBind audit operation type is deprecated. Use MailItemsAccessed audit operation"
                        + " type instead.");
        assertThat(MtProcess.run(data, "Get-Mailbox", "-Identity", "alice@contoso.com")
                        .out())
                .isEqualTo(before.out());
    }

    @Test
    void anUnknownParameterIsPointedAtAsPowerShellDoes() {
        Result refused = MtProcess.run(data, "Set-Mailbox", "-Identity", "alice@contoso.com", "-AuditOwnr", "Send");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err())
                .contains("A parameter cannot be found that matches parameter name 'AuditOwnr'.")
                .contains("At line:1 char:");
    }

    @Test
    void aNameWithASpaceSurvivesTheShell() {
        Result set = MtProcess.run(data, "Set-Mailbox", "-Identity", "Alice Smith", "-AuditLogAgeLimit", "00:00:00");
        assertThat(set.exit()).as(set.err()).isZero();

        assertThat(MtProcess.run(data, "Get-Mailbox", "-Identity", "Alice Smith")
                        .out())
                .contains("Identity             : Alice Smith")
                .contains("AuditLogAgeLimit     : 00:00:00");
    }

    @Test
    void organisationAndBypassSettingsPersistAndEveryChangeIsAnAdminRecord() {
        assertThat(MtProcess.run(data, "Set-OrganizationConfig", "-AuditDisabled", "$true")
                        .exit())
                .isZero();
        assertThat(MtProcess.run(
                                data,
                                "Set-MailboxAuditBypassAssociation",
                                "-Identity",
                                "backup@contoso.com",
                                "-AuditBypassEnabled",
                                "$true")
                        .exit())
                .isZero();

        assertThat(MtProcess.run(data, "Get-OrganizationConfig").out())
                .contains("AuditDisabled                  : True");
        assertThat(MtProcess.run(data, "Get-MailboxAuditBypassAssociation", "-Identity", "backup@contoso.com")
                        .out())
                .contains("Identity                       : backup@contoso.com")
                .contains("AuditBypassEnabled             : True");

        Result admin = MtProcess.run(
                data,
                "Search-UnifiedAuditLog",
                "-StartDate",
                "2000-01-01",
                "-EndDate",
                "2100-01-01",
                "-RecordType",
                "ExchangeAdmin",
                "-Format",
                "Jsonl");
        assertThat(admin.out().lines())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line)
                        .contains("\"Operation\":\"Set-OrganizationConfig\"")
                        .contains("\"UserId\":\"" + new com.sun.security.auth.module.UnixSystem().getUsername() + "\"")
                        .contains("{\"Name\":\"AuditDisabled\",\"Value\":\"True\"}"))
                .anySatisfy(line -> assertThat(line).contains("\"ObjectId\":\"backup@contoso.com\""));
    }

    @Test
    void whileAnotherProcessHoldsTheDataDirectoryCmdletsGoThroughIt() throws Exception {
        Process holder = MtProcess.start(data, "ingest", "-");
        try {
            Path lock = data.resolve("mailtrail.lock");
            String expected = "pid " + holder.pid() + ": mt ingest";
            for (int wait = 0;
                    wait < 300
                            && !(java.nio.file.Files.exists(data.resolve("mailtrail.sock"))
                                    && java.nio.file.Files.readString(lock).contains(expected));
                    wait++) {
                Thread.sleep(100);
            }

            Result set = MtProcess.run(data, "Set-OrganizationConfig", "-AuditDisabled", "$true");
            Result refused = MtProcess.run(
                    data, "Set-Mailbox", "-Identity", "alice@contoso.com", "-AuditOwner", "@{Add=\"MessageBind\"}");
            Result get = MtProcess.run(data, "Get-OrganizationConfig");

            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).startsWith("MessageBind audit operation type is deprecated.");
            assertThat(get.out()).contains("AuditDisabled                  : True");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(MtProcess.run(data, "Get-OrganizationConfig").out())
                .contains("AuditDisabled                  : True");
    }
}
