package dev.mailtrail.demo.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCertificateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void theFirstStartMakesACertificateForLoopbackThatLaterStartsReuse() throws Exception {
        DemoCertificate first = DemoCertificate.loadOrCreate(data, CLOCK);
        assertThat(first.created()).isTrue();
        assertThat(first.certificate()).isEqualTo(data.resolve("tls/demo-cert.pem"));
        assertThat(Files.readString(first.certificate())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(first.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKey())))
                .isEqualTo("rw-------");
        byte[] certificate = Files.readAllBytes(first.certificate());

        DemoCertificate second = DemoCertificate.loadOrCreate(data, Clock.offset(CLOCK, java.time.Duration.ofDays(3)));
        assertThat(second.created()).isFalse();
        assertThat(Files.readAllBytes(second.certificate())).isEqualTo(certificate);
        assertThat(second.sha256Fingerprint())
                .isEqualTo(first.sha256Fingerprint())
                .hasSize(95);
    }

    @Test
    void theCertificateNamesLocalhostAnd127001AndIsValidFromTheClocksNow() throws Exception {
        var x509 = DemoCertificate.loadOrCreate(data, CLOCK).x509();
        assertThat(x509.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(x509.getNotBefore().toInstant()).isBefore(CLOCK.instant());
        assertThat(x509.getNotAfter().toInstant()).isAfter(CLOCK.instant().plus(DemoCertificate.VALIDITY.minusDays(1)));
        x509.verify(x509.getPublicKey());
    }

    @Test
    void aClientTrustingTheCertificateCompletesATlsHandshakeWithHostnameCheckOn127001() throws Exception {
        DemoCertificate pem = DemoCertificate.loadOrCreate(data, Clock.systemUTC());
        Certificate certificate = pem.x509();
        String keyBase64 = Files.readString(pem.privateKey()).replaceAll("-----[A-Z ]+-----|\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keyBase64)));

        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("demo", key, new char[0], new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverStore, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("demo", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        try (SSLServerSocket server = (SSLServerSocket)
                serverContext.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (var socket = server.accept();
                        OutputStream out = socket.getOutputStream()) {
                    out.write('!');
                    return 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client =
                    (SSLSocket) clientContext.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                InputStream in = client.getInputStream();
                assertThat(in.read()).isEqualTo('!');
                assertThat(List.of("TLSv1.2", "TLSv1.3"))
                        .contains(client.getSession().getProtocol());
            }
            assertThat(served.join()).isEqualTo(1);
        }
    }
}
