package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.AccessList;
import dev.mailtrail.app.api.access.Account;
import dev.mailtrail.app.api.access.ApiToken;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.PasswordHash;
import dev.mailtrail.app.api.access.Role;
import dev.mailtrail.app.api.status.MetricsEndpoint;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.MutableClock;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.TlsFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A data directory with its pipeline and the API on an ephemeral loopback port, accounts of each role group and
 * tokens, and an HttpClient that trusts the directory's certificate (and nothing else).
 */
final class ApiFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** Opens the backend the API runs on, in the fixture's data directory, on its clock. */
    @FunctionalInterface
    interface Backend {
        AuditBackend open(Path data, MutableClock clock) throws IOException;
    }

    final Path data;
    final MutableClock clock = new MutableClock(START);
    final Map<String, String> tokens = new HashMap<>();
    final DemoCertificate certificate;
    private final Backend backends;
    /** The embedded pipeline, when the backend is one. */
    AuditPipeline pipeline;

    AuditBackend backend;
    MailTrailApi api;
    final HttpClient client;

    ApiFixture(Path data) throws Exception {
        this(data, (directory, clock) -> AuditPipeline.open(directory, clock, PipelineOptions.defaults(), "api test"));
    }

    ApiFixture(Path data, Backend backends) throws Exception {
        this.data = data;
        this.backends = backends;
        this.certificate = DemoCertificate.loadOrCreate(data, clock);
        writeAccess();
        start();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("demo", certificate.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        client = HttpClient.newBuilder().sslContext(ssl).build();
    }

    void start() throws Exception {
        backend = backends.open(data, clock);
        pipeline = backend instanceof AuditPipeline embedded ? embedded : null;
        api = MailTrailApi.start(
                new InetSocketAddress("127.0.0.1", 0),
                new TlsFiles(certificate.certificate(), certificate.privateKey()),
                backend,
                clock,
                MetricsEndpoint.MINIMAL);
    }

    /** Stops the API and the pipeline (every record flushed) and starts both again on the same directory. */
    void restart() throws Exception {
        api.close();
        backend.close();
        start();
    }

    private void writeAccess() throws IOException {
        PasswordHash hasher = new PasswordHash(new SecureRandom());
        String hash = hasher.hash(PASSWORD.toCharArray());
        AccessList list = AccessList.EMPTY
                .with(new Account("auditor", hash, Set.of(Role.AUDIT_LOGS), ManagementScope.ORGANIZATION))
                .with(new Account(
                        "viewer",
                        hash,
                        Set.of(Role.VIEW_ONLY_AUDIT_LOGS),
                        new ManagementScope(Set.of("alice@contoso.com"))))
                .with(new Account("configurer", hash, Set.of(Role.AUDIT_CONFIGURATION), ManagementScope.ORGANIZATION))
                .with(new Account("sensor-account", hash, Set.of(Role.SENSOR), ManagementScope.ORGANIZATION));
        for (Role role : Role.values()) {
            ApiToken.Issued issued =
                    ApiToken.issue(role.displayName(), Set.of(role), ManagementScope.ORGANIZATION, new SecureRandom());
            list = list.with(issued.token());
            tokens.put(role.displayName(), issued.bearer());
        }
        ApiToken.Issued scoped = ApiToken.issue(
                "alice-sensor",
                Set.of(Role.SENSOR),
                new ManagementScope(Set.of("alice@contoso.com")),
                new SecureRandom());
        tokens.put("alice-sensor", scoped.bearer());
        new AccessFile(data).write(list.with(scoped.token()));
    }

    URI uri(String pathAndQuery) {
        return URI.create("https://localhost:" + api.server().address().getPort() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    HttpResponse<String> postEvents(String query, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/api/v1/events" + query)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
        return send(request("/api/v1/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build());
    }

    @Override
    public void close() throws Exception {
        try {
            api.close();
        } finally {
            backend.close();
        }
    }
}
