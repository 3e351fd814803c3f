package dev.mailtrail.app.api.search;

import static dev.mailtrail.app.api.search.AuditSearchApiTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtRun;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration cmdlets and mt scope through the API, on a running pipeline, against the command line. */
class ConfigurationAndScopeApiTest {
    private static final MailboxScope ALICE = MailboxScope.of(Set.of("alice@contoso.com"));

    @TempDir
    Path data;

    @Test
    void configurationCmdletsAnswerAsTheCommandLineAndKeepToTheScope() throws Exception {
        String shown;
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "configuration test")) {
            ConfigurationApi api = new ConfigurationApi(pipeline, Clock.systemUTC());
            CmdletResult set = api.run(
                    "set-mailbox",
                    query("Identity", "alice@contoso.com", "AuditOwner.Add", "MailboxLogin"),
                    "responder@contoso.com",
                    "198.51.100.7",
                    ALICE);
            assertThat(set).isEqualTo(new CmdletResult("", null));
            api.run(
                    "Set-Mailbox",
                    query("Identity", "bob@contoso.com", "AuditLogAgeLimit", "30.00:00:00"),
                    "admin@contoso.com",
                    "198.51.100.8",
                    MailboxScope.all());

            assertThat(api.run(
                                    "Set-Mailbox",
                                    query("Identity", "alice@contoso.com", "AuditOwner.Add", "MessageBind"),
                                    "responder@contoso.com",
                                    "198.51.100.7",
                                    ALICE)
                            .error()
                            .message())
                    .isEqualTo("MessageBind audit operation type is deprecated. Use MailItemsAccessed audit operation"
                            + " type instead.");
            assertThat(api.run(
                                    "Set-Mailbox",
                                    query("Identity", "alice@contoso.com", "AuditOwnr", "Send"),
                                    "responder@contoso.com",
                                    "198.51.100.7",
                                    ALICE)
                            .error())
                    .isEqualTo(new ApiError(
                            "AuditOwnr", "A parameter cannot be found that matches parameter name 'AuditOwnr'."));
            assertThat(api.run(
                                    "Set-Mailbox",
                                    query("Identity", "bob@contoso.com", "AuditEnabled", "$false"),
                                    "responder@contoso.com",
                                    "198.51.100.7",
                                    ALICE)
                            .error())
                    .isEqualTo(new ApiError("Identity", ALICE.refusal("bob@contoso.com")));
            assertThat(api.run(
                                    "Set-OrganizationConfig",
                                    query("AuditDisabled", "$true"),
                                    "responder@contoso.com",
                                    "198.51.100.7",
                                    ALICE)
                            .succeeded())
                    .isFalse();

            CmdletResult listed = api.run("Get-Mailbox", Map.of(), "responder@contoso.com", "198.51.100.7", ALICE);
            assertThat(listed.output()).contains("alice@contoso.com").doesNotContain("bob@contoso.com");
            pipeline.commit();
            java.io.ByteArrayOutputStream admin = new java.io.ByteArrayOutputStream();
            AuditSearchApi.of(pipeline)
                    .searchUnifiedAuditLog(
                            query("StartDate", "2000-01-01", "EndDate", "2100-01-01", "UserIds", "admin@contoso.com"),
                            ExportFormat.JSON_LINES,
                            MailboxScope.all(),
                            null,
                            10,
                            admin);
            assertThat(admin.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .as("the running pipeline's log, searched in its process")
                    .contains("\"ClientIP\":\"198.51.100.8\"", "AuditLogAgeLimit");
            shown = api.run(
                            "Get-Mailbox",
                            query("Identity", "alice@contoso.com"),
                            "responder@contoso.com",
                            "198.51.100.7",
                            ALICE)
                    .output();
        }

        assertThat(shown)
                .containsPattern("AuditOwner +: \\{.*MailboxLogin\\}")
                .isEqualTo(cli("Get-Mailbox", "-Identity", "alice@contoso.com").out());
        assertThat(cli(
                                "Search-UnifiedAuditLog",
                                "-StartDate",
                                "2000-01-01",
                                "-EndDate",
                                "2100-01-01",
                                "-Operations",
                                "Set-Mailbox",
                                "-UserIds",
                                "responder@contoso.com",
                                "-Format",
                                "Jsonl")
                        .out()
                        .lines())
                .as("the change and the two refusals are admin records, as on the command line; the ones out of"
                        + " scope never reached the cmdlet")
                .hasSize(3)
                .noneMatch(line -> line.contains("bob@contoso.com"))
                .anySatisfy(line -> assertThat(line)
                        .contains("\"ResultStatus\":\"True\"", "MailboxLogin", "\"ClientIP\":\"198.51.100.7\""));
    }

    @Test
    void theScopeOfACompromiseIsMtScopesJson() throws Exception {
        MtRun ingest = MtRun.of(
                "ingest",
                "--data",
                data.toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString());
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        ScopeApi api = new ScopeApi(data);

        StringWriter whole = new StringWriter();
        assertThat(api.scope(Map.of("mailbox", List.of("alice@contoso.com")), ALICE, whole))
                .isEmpty();
        assertThat(whole.toString())
                .contains("\"schema\"")
                .isEqualTo(cli("scope", "--case", data.toString(), "--mailbox", "alice@contoso.com", "--format", "json")
                        .out());

        StringWriter attacker = new StringWriter();
        api.scope(
                Map.of("mailbox", List.of("alice@contoso.com"), "attacker-ip", List.of("203.0.113.66")),
                MailboxScope.all(),
                attacker);
        assertThat(attacker.toString())
                .isEqualTo(cli(
                                "scope",
                                "--case",
                                data.toString(),
                                "--mailbox",
                                "alice@contoso.com",
                                "--attacker-ip",
                                "203.0.113.66",
                                "--format",
                                "json")
                        .out());

        assertThat(api.scope(Map.of("mailbox", List.of("bob@contoso.com")), ALICE, new StringWriter()))
                .contains(new ApiError("mailbox", ALICE.refusal("bob@contoso.com")));
        assertThat(api.scope(
                                Map.of("mailbox", List.of("alice@contoso.com"), "from", List.of("soon")),
                                ALICE,
                                new StringWriter())
                        .map(ApiError::parameter))
                .isEqualTo(Optional.of("from"));
    }

    private MtRun cli(String... words) {
        String[] args = words;
        if (!words[0].equals("scope")) {
            args = new String[words.length + 2];
            args[0] = words[0];
            args[1] = "--data";
            args[2] = data.toString();
            System.arraycopy(words, 1, args, 3, words.length - 1);
        }
        MtRun run = MtRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }
}
