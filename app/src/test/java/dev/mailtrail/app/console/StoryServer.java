package dev.mailtrail.app.console;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
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
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The real HTTPS server (API and console) over the story's records: examples/bec-story.jsonl ingested, with one more
 * record whose subject is markup; accounts {@code responder} (Audit Logs, Audit Configuration) and {@code viewer} (View-Only Audit Logs),
 * and a token of each; the clock a day after the story, so that retention keeps it.
 */
public final class StoryServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    /** A subject that would run if the console ever put a record's text into the page as markup. */
    public static final String HOSTILE_SUBJECT = "<img src=x onerror=\"document.title='pwned'\">";

    private static final Instant STORY_NEXT_DAY = Instant.parse("2026-03-03T12:00:00Z");

    private final AuditPipeline pipeline;
    private final MailTrailApi api;
    private final HttpClient client;
    private final String responderToken;
    private final String viewerToken;

    private StoryServer(
            AuditPipeline pipeline, MailTrailApi api, HttpClient client, String responderToken, String viewerToken) {
        this.pipeline = pipeline;
        this.api = api;
        this.client = client;
        this.responderToken = responderToken;
        this.viewerToken = viewerToken;
    }

    public static StoryServer start(Path data) throws Exception {
        Path hostile = Files.createTempFile("console-hostile", ".jsonl");
        Files.writeString(
                hostile,
                "{\"time\": \"2026-03-02T10:30:00Z\", \"kind\": \"access\", \"actor\": \"bob@contoso.com\","
                        + " \"mailbox\": \"bob@contoso.com\", \"logonType\": \"Owner\", \"operation\": \"Send\","
                        + " \"session\": {\"id\": \"s-bob-1\", \"clientIp\": \"198.51.100.30\"},"
                        + " \"items\": [{\"internetMessageId\": \"<x@contoso.com>\", \"subject\": \""
                        + HOSTILE_SUBJECT.replace("\"", "\\\"") + "\"}]}\n");
        MtRun ingest;
        try {
            ingest = MtRun.of(
                    "ingest",
                    "--data",
                    data.toString(),
                    Path.of("..", "examples", "bec-story.jsonl").toString(),
                    hostile.toString());
        } finally {
            Files.delete(hostile);
        }
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), STORY_NEXT_DAY));
        SecureRandom random = new SecureRandom();
        String hash = new PasswordHash(random).hash(PASSWORD.toCharArray());
        ApiToken.Issued responder =
                ApiToken.issue("responder-script", Set.of(Role.AUDIT_LOGS), ManagementScope.ORGANIZATION, random);
        ApiToken.Issued viewer = ApiToken.issue(
                "viewer-script", Set.of(Role.VIEW_ONLY_AUDIT_LOGS), ManagementScope.ORGANIZATION, random);
        new AccessFile(data)
                .write(AccessList.EMPTY
                        .with(new Account(
                                "responder",
                                hash,
                                Set.of(Role.AUDIT_LOGS, Role.AUDIT_CONFIGURATION),
                                ManagementScope.ORGANIZATION))
                        .with(new Account(
                                "viewer", hash, Set.of(Role.VIEW_ONLY_AUDIT_LOGS), ManagementScope.ORGANIZATION))
                        .with(responder.token())
                        .with(viewer.token()));
        DemoCertificate certificate = DemoCertificate.loadOrCreate(data, clock);
        AuditPipeline pipeline = AuditPipeline.open(data, clock, PipelineOptions.defaults(), "console test");
        MailTrailApi api = MailTrailApi.start(
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
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
        return new StoryServer(pipeline, api, client, responder.bearer(), viewer.bearer());
    }

    public String base() {
        return "https://localhost:" + api.server().address().getPort();
    }

    public AuditPipeline pipeline() {
        return pipeline;
    }

    public String responderToken() {
        return responderToken;
    }

    public String viewerToken() {
        return viewerToken;
    }

    /** {@code GET pathAndQuery}, with the bearer token when one is given, and any more headers as name, value. */
    public HttpResponse<String> get(String pathAndQuery, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        try {
            api.close();
        } finally {
            pipeline.close();
        }
    }
}
