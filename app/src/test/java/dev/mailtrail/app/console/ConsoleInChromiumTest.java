package dev.mailtrail.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real headless Chromium against the real HTTPS server over the story's records (examples/
 * bec-story.jsonl ingested): a responder signs in, searches, exports, opens the scope of the attack, picks the
 * attacker's session and sees the messages it read; a View-Only Audit Logs member sees no export button, and the
 * API refuses the export to them too. Screenshots of each page, at 1280 px and phone width, go to
 * target/console-screenshots.
 */
class ConsoleInChromiumTest {
    @TempDir
    static Path data;

    private static StoryServer server;

    @BeforeAll
    static void startTheServerOnTheStory() throws Exception {
        server = StoryServer.start(data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResponderFindsWhatTheAttackerReadAndAViewOnlyMemberCannotExport() throws Exception {
        ConsoleBrowser.assumeInstalled();
        Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();

        JsonNode result = ConsoleBrowser.play(
                server.base() + "/console/",
                new ConsoleBrowser.Plan(
                        "responder",
                        StoryServer.PASSWORD,
                        "viewer",
                        StoryServer.PASSWORD,
                        "alice@contoso.com",
                        "2026-03-01",
                        "2026-03-04",
                        "s-evil-7",
                        "Move"),
                screenshots);

        assertThat(texts(result.get("steps")))
                .containsExactly(
                        "sign-in",
                        "search",
                        "auditdata",
                        "export",
                        "scope-proposals",
                        "pick-attacker-session",
                        "timeline",
                        "sessions",
                        "audit-configuration",
                        "audit-an-action",
                        "sign-out",
                        "view-only-search");
        assertThat(texts(result.get("foreignRequests"))).isEmpty();
        assertThat(texts(result.get("cspViolations"))).isEmpty();
        assertThat(texts(result.get("pageErrors"))).isEmpty();
        assertThat(result.get("accessibility").size()).isEqualTo(9);
        result.get("accessibility").properties().forEach(page -> assertThat(texts(page.getValue()))
                .as("WCAG 2.1 A/AA rules broken on " + page.getKey())
                .isEmpty());
        assertThat(result.get("resultRows").asInt()).isGreaterThanOrEqualTo(16);
        assertThat(texts(result.get("resultItems"))).contains(StoryServer.HOSTILE_SUBJECT);
        assertThat(result.get("elementsFromRecords").asInt()).isZero();
        assertThat(result.get("title").asText()).isNotEqualTo("pwned");
        assertThat(texts(result.get("exportJsonLines"))).hasSizeGreaterThanOrEqualTo(15);
        assertThat(result.get("exportCsvHeader").asText()).startsWith("RecordId,CreationDate,RecordType,Operation");
        assertThat(texts(result.get("proposedSessions"))).contains("s-evil-7");
        List<String> subjects = new ArrayList<>();
        result.get("messagesRead").forEach(m -> subjects.add(m.get("subject").asText()));
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "Invoice 4471 - wire details", "Invoice 4472", "Q1 plan", "Updated bank account");
        assertThat(result.get("statement").asText())
                .contains("Attacker: session s-evil-7")
                .contains("read 4 messages");
        assertThat(result.get("sends").asInt()).isEqualTo(1);
        assertThat(result.get("inboxRules").asInt()).isEqualTo(1);
        assertThat(texts(result.get("notAudited"))).contains("not audited: Owner list lacks Move");
        assertThat(result.get("auditedAfterChange").asText()).isEqualTo("audited: Owner list has Move");
        assertThat(result.get("viewerResultRows").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(result.get("viewerExportButtons").asInt()).isZero();
        assertThat(result.get("viewerExportStatus").asInt()).isEqualTo(403);
        assertThat(screenshots.resolve("05-scope-findings-1280.png")).exists();
        assertThat(screenshots.resolve("05-scope-findings-phone.png")).exists();
    }

    @Test
    void theApiRefusesTheExportToAViewOnlyTokenAndGivesItToNoOneUnsignedIn() throws Exception {
        String export = "/api/v1/audit/unified/export?StartDate=2026-03-01&EndDate=2026-03-04&format=csv";

        HttpResponse<String> viewer = server.get(export, server.viewerToken());
        HttpResponse<String> nobody = server.get(export, null);
        HttpResponse<String> responder = server.get(export, server.responderToken());

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("Audit Logs").doesNotContain("RecordId");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(responder.statusCode()).isEqualTo(200);
        assertThat(responder.body()).contains("RecordId,CreationDate,RecordType,Operation");
    }

    @Test
    void theConsoleIsServedWithTheCspAndRevalidatedByEntityTag() throws Exception {
        HttpResponse<String> page = server.get("/console/", null);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.get("/console/", null, "If-None-Match", etag);
        HttpResponse<String> script = server.get("/console/js/api.js", null);
        HttpResponse<String> outside = server.get("/console/js/../../api/v1/session", null);
        HttpResponse<String> hidden = server.get("/console/..%2F..%2Fdev/mailtrail/app/Mt.class", null);
        HttpResponse<String> root = server.get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(outside.statusCode()).isNotEqualTo(200);
        assertThat(hidden.statusCode()).isNotEqualTo(200);
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/console/");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
