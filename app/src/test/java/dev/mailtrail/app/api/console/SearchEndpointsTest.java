package dev.mailtrail.app.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.console.StoryServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoints the console reads, over HTTPS against the real server on the story's records. */
class SearchEndpointsTest {
    /** The story's day: the API's own records, made on the server's clock a day later, fall outside it. */
    private static final String STORY = "StartDate=2026-03-01&EndDate=2026-03-03";

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
    void pagesFollowTheCursorOverEveryRecordOnce() throws Exception {
        HttpResponse<String> whole =
                server.get("/api/v1/audit/unified?" + STORY + "&pageSize=1000", server.viewerToken());
        List<String> all = ids(whole.body());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = server.get(
                    "/api/v1/audit/unified?" + STORY + "&pageSize=4"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    server.viewerToken());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Result-Count")).hasValue(Integer.toString(all.size()));
            paged.addAll(ids(page.body()));
            cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
            pages++;
        } while (cursor != null);

        assertThat(all).hasSizeGreaterThanOrEqualTo(16).doesNotHaveDuplicates();
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 3) / 4);
    }

    @Test
    void aWrongParameterIsRefusedNamingIt() throws Exception {
        HttpResponse<String> badDate =
                server.get("/api/v1/audit/unified?StartDate=yesterday-ish&EndDate=2026-03-04", server.viewerToken());
        HttpResponse<String> badPage = server.get("/api/v1/audit/unified?" + STORY + "&pageSize=0", null);
        HttpResponse<String> badPageSigned =
                server.get("/api/v1/audit/unified?" + STORY + "&pageSize=0", server.viewerToken());
        HttpResponse<String> noMailbox = server.get("/api/v1/scope", server.viewerToken());

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body())
                        .path("details")
                        .path("parameter")
                        .asText())
                .isEqualTo("StartDate");
        assertThat(badPage.statusCode()).isEqualTo(401);
        assertThat(badPageSigned.statusCode()).isEqualTo(400);
        assertThat(badPageSigned.body()).contains("pageSize");
        assertThat(noMailbox.statusCode()).isEqualTo(400);
        assertThat(noMailbox.body()).contains("mailbox");
    }

    @Test
    void theScopeIsMtScopesJsonAndSearchesExportsAndScopesAreRecorded() throws Exception {
        HttpResponse<String> scope = server.get(
                "/api/v1/scope?mailbox=alice@contoso.com&attacker-session=s-evil-7", server.responderToken());
        HttpResponse<String> export =
                server.get("/api/v1/audit/unified/export?" + STORY + "&format=jsonl", server.responderToken());
        server.pipeline().commit();
        HttpResponse<String> trail = server.get(
                "/api/v1/audit/unified?StartDate=2026-03-03&EndDate=2026-03-05&pageSize=1000"
                        + "&Operations=Get-MailTrailScope&Operations=Export-MailTrailAuditLog&UserIds=responder-script",
                server.viewerToken());

        JsonNode found = JSON.readTree(scope.body());
        assertThat(found.path("schema").asText()).isEqualTo("mailtrail-scope/1");
        assertThat(found.path("distinctMessagesRead").asInt()).isEqualTo(4);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(ids(export.body()))
                .containsExactlyElementsOf(
                        ids(server.get("/api/v1/audit/unified?" + STORY + "&pageSize=1000", server.viewerToken())
                                .body()));
        Set<String> recorded = new HashSet<>();
        for (String line : trail.body().split("\n")) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.path("UserId").asText()).isEqualTo("responder-script");
            assertThat(record.path("ClientIP").asText()).isEqualTo("127.0.0.1");
            recorded.add(record.path("Operation").asText());
        }
        assertThat(recorded).containsExactlyInAnyOrder("Get-MailTrailScope", "Export-MailTrailAuditLog");
    }

    @Test
    void aMailboxsAuditConfigurationSaysWhyAnActionIsNotAudited() throws Exception {
        HttpResponse<String> view =
                server.get("/api/v1/mailbox-audit?Identity=alice@contoso.com", server.viewerToken());
        HttpResponse<String> nameless = server.get("/api/v1/mailbox-audit", server.viewerToken());

        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        JsonNode audit = JSON.readTree(view.body());
        assertThat(audit.path("identity").asText()).isEqualTo("alice@contoso.com");
        assertThat(audit.path("known").asBoolean()).isTrue();
        assertThat(audit.path("auditOwner").toString()).contains("MailboxLogin");
        assertThat(audit.path("logonTypes").toString())
                .contains("not audited: Owner list lacks Move")
                .contains("audited: Owner list has MailboxLogin");
        assertThat(nameless.statusCode()).isEqualTo(400);
    }

    private static List<String> ids(String jsonLines) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                ids.add(JSON.readTree(line).path("Id").asText());
            }
        }
        return ids;
    }
}
