package dev.mailtrail.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.app.api.MailTrailApi;
import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.status.MetricsEndpoint;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.TlsFiles;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
    private static final String PASSWORD = "correct horse battery staple";
    /** A subject that would run if the console ever put a record's text into the page as markup. */
    private static final String HOSTILE_SUBJECT = "<img src=x onerror=\"document.title='pwned'\">";
    /** A day after the story, so that retention (90 days for a mailbox) keeps it. */
    private static final Instant STORY_NEXT_DAY = Instant.parse("2026-03-03T12:00:00Z");

    @TempDir
    static Path data;

    private static AuditPipeline pipeline;
    private static MailTrailApi api;
    private static HttpClient client;
    private static String viewerToken;

    @BeforeAll
    static void startTheServerOnTheStory() throws Exception {
        Path hostile = Files.createTempFile("console-hostile", ".jsonl");
        Files.writeString(
                hostile,
                "{\"time\": \"2026-03-02T10:30:00Z\", \"kind\": \"access\", \"actor\": \"bob@contoso.com\","
                        + " \"mailbox\": \"bob@contoso.com\", \"logonType\": \"Owner\", \"operation\": \"Send\","
                        + " \"session\": {\"id\": \"s-bob-1\", \"clientIp\": \"198.51.100.30\"},"
                        + " \"items\": [{\"internetMessageId\": \"<x@contoso.com>\", \"subject\": \""
                        + HOSTILE_SUBJECT.replace("\"", "\\\"") + "\"}]}\n");
        MtRun ingest = MtRun.of(
                "ingest",
                "--data",
                data.toString(),
                Path.of("..", "examples", "bec-story.jsonl").toString(),
                hostile.toString());
        Files.delete(hostile);
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), STORY_NEXT_DAY));
        String hash = new PasswordHash(new SecureRandom()).hash(PASSWORD.toCharArray());
        ApiToken.Issued viewer = ApiToken.issue(
                "viewer-script", Set.of(Role.VIEW_ONLY_AUDIT_LOGS), ManagementScope.ORGANIZATION, new SecureRandom());
        viewerToken = viewer.bearer();
        new AccessFile(data)
                .write(AccessList.EMPTY
                        .with(new Account("responder", hash, Set.of(Role.AUDIT_LOGS), ManagementScope.ORGANIZATION))
                        .with(new Account(
                                "viewer", hash, Set.of(Role.VIEW_ONLY_AUDIT_LOGS), ManagementScope.ORGANIZATION))
                        .with(viewer.token()));
        DemoCertificate certificate = DemoCertificate.loadOrCreate(data, clock);
        pipeline = AuditPipeline.open(data, clock, PipelineOptions.defaults(), "console test");
        api = MailTrailApi.start(
                new InetSocketAddress("127.0.0.1", 0),
                new TlsFiles(certificate.certificate(), certificate.privateKey()),
                pipeline,
                clock,
                MetricsEndpoint.MINIMAL);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("demo", certificate.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(ssl).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static String base() {
        return "https://localhost:" + api.server().address().getPort();
    }

    @Test
    void aResponderFindsWhatTheAttackerReadAndAViewOnlyMemberCannotExport() throws Exception {
        ConsoleBrowser.assumeInstalled();
        Path screenshots = Path.of("target", "console-screenshots").toAbsolutePath();

        JsonNode result = ConsoleBrowser.play(
                base() + "/console/",
                new ConsoleBrowser.Plan(
                        "responder",
                        PASSWORD,
                        "viewer",
                        PASSWORD,
                        "alice@contoso.com",
                        "2026-03-01",
                        "2026-03-04",
                        "s-evil-7"),
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
        assertThat(texts(result.get("resultItems"))).contains(HOSTILE_SUBJECT);
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
        assertThat(result.get("viewerResultRows").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(result.get("viewerExportButtons").asInt()).isZero();
        assertThat(result.get("viewerExportStatus").asInt()).isEqualTo(403);
        assertThat(screenshots.resolve("05-scope-findings-1280.png")).exists();
        assertThat(screenshots.resolve("05-scope-findings-phone.png")).exists();
    }

    @Test
    void theApiRefusesTheExportToAViewOnlyTokenAndGivesItToNoOneUnsignedIn() throws Exception {
        String export = "/api/v1/audit/unified/export?StartDate=2026-03-01&EndDate=2026-03-04&format=csv";

        HttpResponse<String> viewer = client.send(
                HttpRequest.newBuilder(URI.create(base() + export))
                        .header("Authorization", "Bearer " + viewerToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> nobody = client.send(
                HttpRequest.newBuilder(URI.create(base() + export)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("Audit Logs").doesNotContain("RecordId");
        assertThat(nobody.statusCode()).isEqualTo(401);
    }

    @Test
    void theConsoleIsServedWithTheCspAndRevalidatedByEntityTag() throws Exception {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/console/")).build(), HttpResponse.BodyHandlers.ofString());
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/console/"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> outside = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/console/js/../../api/v1/session"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> root = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(outside.statusCode()).isNotEqualTo(200);
        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).hasValue("/console/");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
