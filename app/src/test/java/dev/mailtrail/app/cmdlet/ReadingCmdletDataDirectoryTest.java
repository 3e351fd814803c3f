package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.process.MtRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A cmdlet that only reads, given a --data that is not there, fails and leaves no data directory behind. */
class ReadingCmdletDataDirectoryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Get-Mailbox",
                "Get-OrganizationConfig",
                "Get-MailboxAuditBypassAssociation",
                "Get-MailTrailAggregationWindow",
                "Search-MailboxAuditLog",
                "Search-UnifiedAuditLog"
            })
    void aMisspeltDataDirectoryFailsAndCreatesNothing(String cmdlet) {
        Path typo = dir.resolve("typo");

        MtRun run = MtRun.of(cmdlet, "--data", typo.toString(), "-StartDate", "2026-01-01", "-EndDate", "2026-02-01");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mt " + cmdlet + ": " + typo + ": no such data directory\n");
        assertThat(Files.exists(typo)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Get-Mailbox", "Set-Mailbox", "Set-OrganizationConfig", "Search-MailboxAuditLog"})
    void aDirectoryHoldingOtherFilesIsNotMadeADataDirectory(String cmdlet) throws Exception {
        Path other = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(other.resolve("passwd"), "root:x:0:0");

        MtRun run = MtRun.of(cmdlet, "--data", other.toString(), "-Identity", "alice@contoso.com");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("mt " + cmdlet + ": " + other + ": not a MailTrail data directory (it holds"
                        + " other files and no journal/)\n");
        try (var entries = Files.list(other)) {
            assertThat(entries).containsExactly(other.resolve("passwd"));
        }
    }

    @org.junit.jupiter.api.Test
    void aDataDirectoryThatCannotBeMadeIsNamedWithTheReason() {
        MtRun run = MtRun.of(
                "Set-Mailbox", "--data", "/proc/mailtrail", "-Identity", "alice@contoso.com", "-AuditEnabled", "$true");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("mt Set-Mailbox: /proc/mailtrail: ")
                .isNotEqualTo("mt Set-Mailbox: /proc/mailtrail\n");
    }
}
