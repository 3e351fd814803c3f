package dev.mailtrail.app.cmdlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.MtProcess.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator named on a configuration record is the operating-system user who made the change: not
 * {@code $MAILTRAIL_ADMIN} (MtProcess sets it to mallory@contoso.com), and, through a running server's socket, not
 * the name the sender writes into its request but the socket's peer credentials.
 */
class AdminIdentityProcessTest {
    private static final String OS_USER = new UnixSystem().getUsername();

    @TempDir
    Path data;

    @Test
    void aChangeMadeDirectlyNamesTheOperatingSystemUserNotTheEnvironments() {
        Result set = MtProcess.run(data, "Set-OrganizationConfig", "-AuditDisabled", "$true");
        assertThat(set.exit()).as(set.err()).isZero();

        assertThat(adminRecords()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"UserId\":\"" + OS_USER + "\"")
                .doesNotContain("mallory"));
    }

    @Test
    void aChangeSentThroughARunningServersSocketNamesThePeerNotTheClaim() throws Exception {
        Process holder = MtProcess.start(data, "ingest", "-");
        try {
            String locked = "pid " + holder.pid() + ": mt ingest";
            for (int wait = 0;
                    wait < 300
                            && !(Files.exists(data.resolve(CmdletChannel.SOCKET))
                                    && Files.exists(data.resolve("mailtrail.lock"))
                                    && Files.readString(data.resolve("mailtrail.lock"))
                                            .contains(locked));
                    wait++) {
                Thread.sleep(100);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Optional<Integer> exit = CmdletChannel.forward(
                    data,
                    "Set-OrganizationConfig",
                    CmdletCommandLine.join("Set-OrganizationConfig", List.of("-AuditDisabled", "$true")),
                    "forged-admin@contoso.com",
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).contains(0);
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }

        assertThat(adminRecords()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"UserId\":\"" + OS_USER + "\"")
                .doesNotContain("forged-admin"));
    }

    private List<String> adminRecords() {
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
        return admin.out().lines().toList();
    }
}
