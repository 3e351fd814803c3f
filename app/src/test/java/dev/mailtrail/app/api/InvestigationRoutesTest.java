package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The investigation routes over HTTPS on the story's records: search page by page, export, the scope, the
 * configuration cmdlets, Dovecot's exporter, each role allowed and refused, and every call in the audit log.
 */
class InvestigationRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "StartDate=2026-11-20&EndDate=2026-11-25";

    @TempDir
    static Path data;

    static ApiFixture api;

    @BeforeAll
    static void storeTheStory() throws Exception {
        api = new ApiFixture(data);
        // the story moved to a week before the fixture's clock, so that no retention purges it
        String story =
                Files.readString(Path.of("..", "examples", "bec-story.jsonl")).replace("2026-03-02T", "2026-11-22T");
        assertThat(api.postEvents("", api.tokens.get("Sensor"), story, null).statusCode())
                .isEqualTo(202);
        api.restart(); // every window closed and committed
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aSearchComesPageByPageEachRecordOnce() throws Exception {
        String auditor = api.tokens.get("Audit Logs");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        long count = -1;
        do {
            HttpResponse<String> page = api.get(
                    "/api/v1/audit/unified?" + RANGE + "&ResultSize=Unlimited&pageSize=4"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    auditor);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            count = Long.parseLong(
                    page.headers().firstValue("X-MailTrail-Result-Count").orElseThrow());
            page.body().lines().forEach(line -> ids.add(json(line).get("Id").asText()));
            cursor = page.headers().firstValue("X-MailTrail-Next-Cursor").orElse(null);
        } while (cursor != null);
        assertThat(count).isGreaterThan(4);
        assertThat(ids).hasSize((int) count).doesNotHaveDuplicates();
    }

    @Test
    void anExportIsForAuditLogsAndNotForViewOnly() throws Exception {
        HttpResponse<String> csv = api.get(
                "/api/v1/audit/unified/export?" + RANGE + "&ResultSize=Unlimited&format=csv",
                api.tokens.get("Audit Logs"));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isGreaterThan(5);

        String viewOnly = api.tokens.get("View-Only Audit Logs");
        assertThat(api.get("/api/v1/audit/unified?" + RANGE, viewOnly).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = api.get("/api/v1/audit/unified/export?" + RANGE, viewOnly);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/unified?" + RANGE, api.tokens.get("Sensor"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/unified?" + RANGE, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongParameterIsNamedWithExchangesErrorAndNothingElseIsSent() throws Exception {
        HttpResponse<String> bad = api.get(
                "/api/v1/audit/unified?StartDate=yesterday-ish&EndDate=2026-11-25", api.tokens.get("Audit Logs"));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = json(bad.body());
        assertThat(error.path("details").path("parameter").asText()).isEqualTo("StartDate");
        HttpResponse<String> tooBig =
                api.get("/api/v1/audit/unified?" + RANGE + "&pageSize=5000", api.tokens.get("Audit Logs"));
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json(tooBig.body()).path("message").asText()).contains("/export");
    }

    @Test
    void theScopeNamesWhatTheAttackerRead() throws Exception {
        HttpResponse<String> scope = api.get(
                "/api/v1/scope?mailbox=alice@contoso.com&attacker-ip=203.0.113.66",
                api.tokens.get("View-Only Audit Logs"));
        assertThat(scope.statusCode()).as(scope.body()).isEqualTo(200);
        JsonNode answer = json(scope.body());
        assertThat(answer.path("distinctMessagesRead").asInt()).isPositive();
        assertThat(answer.path("messagesRead").toString()).contains("203.0.113.66");
    }

    @Test
    void configurationCmdletsNeedTheirRightAndAChangeIsRecorded() throws Exception {
        String change = "{\"cmdlet\":\"Set-Mailbox\",\"parameters\":{\"Identity\":\"bob@contoso.com\","
                + "\"AuditOwner.Add\":[\"MailboxLogin\"]}}";
        assertThat(postCmdlet(change, api.tokens.get("View-Only Audit Logs")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> changed = postCmdlet(change, api.tokens.get("Audit Configuration"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> read = postCmdlet(
                "{\"cmdlet\":\"Get-Mailbox\",\"parameters\":{\"Identity\":\"bob@contoso.com\"}}",
                api.tokens.get("View-Only Audit Logs"));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read.body()).path("output").asText()).contains("MailboxLogin");
        HttpResponse<String> refused = postCmdlet(
                "{\"cmdlet\":\"Set-Mailbox\",\"parameters\":{\"Identity\":\"bob@contoso.com\","
                        + "\"AuditOwner.Add\":[\"MessageBind\"]}}",
                api.tokens.get("Audit Configuration"));
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void dovecotsExporterPostsWithTheTokenAsItsPassword() throws Exception {
        String event = Files.readAllLines(Path.of(
                        "..", "sensor-dovecot", "src", "test", "resources", "dovecot-events", "imap-owner.jsonl"))
                .stream()
                .filter(line -> line.contains("\"auth_request_finished\"") && line.contains("\"success\":\"yes\""))
                .findFirst()
                .orElseThrow();
        String basic = Base64.getEncoder()
                .encodeToString(("dovecot:" + api.tokens.get("Sensor")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = api.send(api.request("/api/v1/sensors/dovecot")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(json(posted.body()).path("accepted").asInt()).isEqualTo(1);
        String wrong = Base64.getEncoder().encodeToString("dovecot:mt_0_nope".getBytes(StandardCharsets.UTF_8));
        assertThat(api.send(api.request("/api/v1/sensors/dovecot")
                                .header("Authorization", "Basic " + wrong)
                                .POST(HttpRequest.BodyPublishers.ofString(event))
                                .build())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void everySearchExportAndScopeIsItselfRecorded() throws Exception {
        String auditor = api.tokens.get("Audit Logs");
        api.get("/api/v1/audit/mailbox?Identity=alice@contoso.com&" + RANGE, auditor);
        api.get("/api/v1/audit/mailbox/export?Identity=alice@contoso.com&" + RANGE, auditor);
        api.get("/api/v1/scope?mailbox=alice@contoso.com", auditor);
        api.pipeline.commit();
        HttpResponse<String> own = api.get(
                "/api/v1/audit/unified/export?StartDate=2026-11-30&EndDate=2026-12-03&ResultSize=Unlimited"
                        + "&Operations=Search-MailTrailAuditLog&Operations=Export-MailTrailAuditLog"
                        + "&Operations=Get-MailTrailScope",
                auditor);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        Set<String> operations = new HashSet<>();
        own.body().lines().map(InvestigationRoutesTest::json).forEach(r -> {
            operations.add(r.get("Operation").asText());
            assertThat(r.get("UserId").asText()).isIn("Audit Logs", "View-Only Audit Logs");
        });
        assertThat(operations).contains("Search-MailTrailAuditLog", "Export-MailTrailAuditLog", "Get-MailTrailScope");
    }

    private static HttpResponse<String> postCmdlet(String body, String token) throws Exception {
        return api.send(api.request("/api/v1/cmdlets")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
