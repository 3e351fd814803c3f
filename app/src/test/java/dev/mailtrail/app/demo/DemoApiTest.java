package dev.mailtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.demo.tls.DemoCertificate;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's API: the sign-in and the sensor token its banner prints work, and a taken port is no failure. */
class DemoApiTest {
    @TempDir
    Path data;

    @Test
    void theBannersSignInAndTokenWorkAndATakenPortIsReplaced() throws Exception {
        DemoCertificate certificate = DemoCertificate.loadOrCreate(data, Clock.systemUTC());
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                AuditPipeline pipeline =
                        AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "demo api test");
                DemoApi api = DemoApi.start(pipeline, certificate, taken.getLocalPort(), Clock.systemUTC())) {
            assertThat(api.url()).startsWith("https://localhost:").doesNotEndWith(":" + taken.getLocalPort());
            assertThat(api.banner())
                    .contains(api.url())
                    .contains(api.url() + "/console/")
                    .contains(DemoApi.USER)
                    .contains(DemoApi.PASSWORD)
                    .contains(api.sensorToken());
            HttpClient client =
                    HttpClient.newBuilder().sslContext(trusting(certificate)).build();
            HttpResponse<String> signedIn = client.send(
                    HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/session"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"user\":\"" + DemoApi.USER + "\",\"password\":\"" + DemoApi.PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(200);
            HttpResponse<String> console = client.send(
                    HttpRequest.newBuilder(URI.create(api.url() + "/console/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
            HttpResponse<String> posted = client.send(
                    HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/events"))
                            .header("Authorization", "Bearer " + api.sensorToken())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"time\":\"2026-12-01T09:00:00Z\","
                                    + "\"kind\":\"cmdlet\",\"actor\":\"admin@demo.test\",\"command\":"
                                    + "\"Set-Mailbox -Identity alice@demo.test -AuditEnabled $true\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        }
    }

    private static SSLContext trusting(DemoCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("demo", certificate.x509());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
