package dev.mailtrail.app.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.console.StoryServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/mailbox-audit}, over HTTPS against the real server on the story's records. */
class MailboxAuditEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static StoryServer server;

    @BeforeAll
    static void start() throws Exception {
        server = StoryServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aMailboxsAuditConfigurationSaysWhyAnActionIsNotAudited() throws Exception {
        HttpResponse<String> view =
                server.get("/api/v1/mailbox-audit?Identity=alice@contoso.com", server.viewerToken());

        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        JsonNode audit = JSON.readTree(view.body());
        assertThat(audit.path("identity").asText()).isEqualTo("alice@contoso.com");
        assertThat(audit.path("known").asBoolean()).isTrue();
        // the story's Set-Mailbox added MailboxLogin and SearchQueryInitiated to alice's owner list
        assertThat(audit.path("auditOwner").toString()).contains("MailboxLogin", "SearchQueryInitiated");
        assertThat(audit.path("logonTypes").toString())
                .contains("not audited: Owner list lacks Move")
                .contains("audited: Owner list has MailboxLogin");
    }

    @Test
    void withoutAMailboxItIsRefusedNamingTheParameterAndWithoutCredentialsRefusedWhole() throws Exception {
        HttpResponse<String> nameless = server.get("/api/v1/mailbox-audit", server.viewerToken());
        HttpResponse<String> nobody = server.get("/api/v1/mailbox-audit?Identity=alice@contoso.com", null);

        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nameless.body())
                        .path("details")
                        .path("parameter")
                        .asText())
                .isEqualTo("Identity");
        assertThat(nobody.statusCode()).isEqualTo(401);
    }

    @Test
    void eachReadIsRecordedWithWhoAskedAndFromWhere() throws Exception {
        server.get("/api/v1/mailbox-audit?Identity=bob@contoso.com", server.responderToken());
        server.pipeline().commit();

        HttpResponse<String> trail = server.get(
                "/api/v1/audit/unified?StartDate=2026-03-03&EndDate=2026-03-05&Operations=Search-MailTrailAuditLog"
                        + "&UserIds=responder-script&FreeText=bob@contoso.com",
                server.viewerToken());

        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        JsonNode record = JSON.readTree(trail.body().lines().findFirst().orElseThrow());
        assertThat(record.path("ClientIP").asText()).isEqualTo("127.0.0.1");
        assertThat(record.toString()).contains("Get-Mailbox -Identity", "GET /api/v1/mailbox-audit");
    }
}
