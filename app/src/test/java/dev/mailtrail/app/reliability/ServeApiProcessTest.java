package dev.mailtrail.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.Mt;
import dev.mailtrail.demo.tls.DemoCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt serve} with an {@code [api]} section, as a real process: HTTPS with the proxy's certificate, renewed. */
class ServeApiProcessTest {
    @TempDir
    Path dir;

    @Test
    void serveAnswersTheApiWithTheProxysCertificateAndTakesARenewal() throws Exception {
        Path data = dir.resolve("data");
        DemoCertificate first = DemoCertificate.loadOrCreate(dir.resolve("first"), Clock.systemUTC());
        DemoCertificate renewed = DemoCertificate.loadOrCreate(dir.resolve("renewed"), Clock.systemUTC());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.copy(first.certificate(), cert);
        Files.copy(first.privateKey(), key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Mt.run(
                        new String[] {"token", "add", "sensor-1", "--role", "Sensor", "--data", data.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        int apiPort;
        try (ServerSocket s = new ServerSocket(0)) {
            apiPort = s.getLocalPort();
        }
        String sections = "\n[tls]\ncertificate = " + cert + "\nkey = " + key
                + "\n\n[api]\naddress = 127.0.0.1\nport = " + apiPort + "\n";
        try (ServeProcess serve = ServeProcess.start(dir.resolve("mt.conf"), sections, 1, data, null)) {
            assertThat(serve.printed())
                    .contains("HTTPS API: https://127.0.0.1:" + apiPort)
                    .contains("Web console: https://127.0.0.1:" + apiPort + "/console/");
            HttpClient client = client(first, renewed);
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + apiPort + "/api/v1/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> posted = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + apiPort + "/api/v1/events"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"time\":\"2026-12-01T09:00:00Z\","
                                    + "\"kind\":\"access\",\"actor\":\"alice@contoso.com\",\"mailbox\":"
                                    + "\"alice@contoso.com\",\"logonType\":\"Owner\",\"operation\":\"MailboxLogin\","
                                    + "\"session\":{\"id\":\"s1\",\"clientIp\":\"192.0.2.1\","
                                    + "\"clientInfo\":\"Client=IMAP4\"}}\n"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);

            assertThat(presented(apiPort, first, renewed)).isEqualTo(first.x509());
            Files.copy(renewed.privateKey(), key, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(renewed.certificate(), cert, StandardCopyOption.REPLACE_EXISTING);
            assertThat(presented(apiPort, first, renewed)).isEqualTo(renewed.x509());
        }
    }

    private static X509Certificate presented(int port, DemoCertificate... trusted) throws Exception {
        try (SSLSocket socket = (SSLSocket) ssl(trusted).getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static HttpClient client(DemoCertificate... trusted) throws Exception {
        return HttpClient.newBuilder().sslContext(ssl(trusted)).build();
    }

    private static SSLContext ssl(DemoCertificate... trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            store.setCertificateEntry("c" + i, trusted[i].x509());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
