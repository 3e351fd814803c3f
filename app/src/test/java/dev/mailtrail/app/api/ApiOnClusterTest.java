package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mailtrail.app.cluster.ClusterFixture;
import dev.mailtrail.app.cluster.ClusterPipeline;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS API on the clustered backend answers as on the embedded one (decision 0033): a sensor's events go to
 * Kafka, the audit cores store their records in OpenSearch, the search route finds them, and the console's mailbox
 * view asks a core for the mailbox's audit configuration.
 */
class ApiOnClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "StartDate=2026-11-30&EndDate=2026-12-02";

    @TempDir
    Path data;

    @Test
    void eventsPostedThroughTheApiAreFoundThroughItAndTheConsoleViewAnswers() throws Exception {
        try (ApiFixture api = new ApiFixture(
                data,
                (directory, clock) -> ClusterPipeline.start(ClusterFixture.settings("api", 2, 1), directory, clock))) {
            HttpResponse<String> posted = api.postEvents(
                    "", api.tokens.get("Sensor"), audit("alice@contoso.com") + EventsEndpointTest.login(2), null);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

            JsonNode logins = awaitRecords(api, "/api/v1/audit/mailbox?Identity=alice@contoso.com&" + RANGE, 2);
            assertThat(logins).hasSize(2);
            assertThat(logins).allSatisfy(record -> {
                assertThat(record.path("Operation").asText()).isEqualTo("MailboxLogin");
                assertThat(record.path("ClientIP").asText()).isEqualTo("203.0.113.66");
            });

            HttpResponse<String> view =
                    api.get("/api/v1/mailbox-audit?Identity=alice@contoso.com", api.tokens.get("View-Only Audit Logs"));
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(view.body()).contains("MailboxLogin");
        }
    }

    /** The cmdlet that has alice's own logins audited, as a sensor posts it. */
    private static String audit(String mailbox) {
        return "{\"time\":\"2026-12-01T08:59:00Z\",\"kind\":\"cmdlet\",\"actor\":\"admin@contoso.com\","
                + "\"command\":\"Set-Mailbox -Identity " + mailbox + " -AuditOwner @{Add=\\\"MailboxLogin\\\"}\"}\n";
    }

    /** The route's records once it lists {@code count} (the cores store them a moment after Kafka has them). */
    private static JsonNode awaitRecords(ApiFixture api, String route, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String token = api.tokens.get("Audit Logs");
        while (true) {
            HttpResponse<String> found = api.get(route, token);
            if (found.statusCode() == 200) {
                // one AuditData object a line, as the search cmdlets print them
                ArrayNode records = JSON.createArrayNode();
                for (String line : found.body().split("\n")) {
                    if (!line.isBlank()) {
                        records.add(JSON.readTree(line));
                    }
                }
                if (records.size() >= count) {
                    return records;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the route " + route + " answered " + found.statusCode() + ": " + found.body());
            }
            Thread.sleep(300);
        }
    }
}
