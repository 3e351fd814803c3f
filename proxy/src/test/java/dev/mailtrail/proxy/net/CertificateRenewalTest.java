package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.dovecot.TestCertificate;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate renewed on disk (new files moved over the configured ones, as certbot does) reaches new IMAPS
 * connections without a restart; a renewal that cannot be used (a key of another certificate, a file that is not a
 * certificate) leaves the previous certificate in service; and a key that does not fit is refused at start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateRenewalTest {

    @TempDir
    static Path dir;

    TestCertificate first;
    TestCertificate second;
    Path liveCertificate;
    Path liveKey;
    DovecotInstance dovecot;
    ProxyServer proxy;

    @BeforeAll
    void start() throws Exception {
        first = TestCertificate.create(Files.createDirectories(dir.resolve("first")));
        second = TestCertificate.create(Files.createDirectories(dir.resolve("second")));
        Path live = Files.createDirectories(dir.resolve("live"));
        liveCertificate = live.resolve("fullchain.pem");
        liveKey = live.resolve("privkey.pem");
        Files.copy(first.certificate(), liveCertificate);
        Files.copy(first.key(), liveKey);
        dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
        proxy = ProxyServer.start(config(new TlsFiles(liveCertificate, liveKey)), new RecordingAuditSink());
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void newConnectionsGetTheRenewedCertificateAndAnUnusableRenewalKeepsThePreviousOne() throws Exception {
        assertThat(servedCertificate()).isEqualTo(certificateIn(first.certificate()));

        renew(second.key(), liveKey);
        renew(second.certificate(), liveCertificate);
        assertThat(servedCertificate()).isEqualTo(certificateIn(second.certificate()));

        // the first certificate with the second one's key: unusable, so the second pair stays in service
        renew(first.certificate(), liveCertificate);
        assertThat(servedCertificate()).isEqualTo(certificateIn(second.certificate()));

        Path garbage = dir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        renew(garbage, liveCertificate);
        assertThat(servedCertificate()).isEqualTo(certificateIn(second.certificate()));

        renew(first.key(), liveKey);
        renew(first.certificate(), liveCertificate);
        assertThat(servedCertificate()).isEqualTo(certificateIn(first.certificate()));
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ProxyServer.start(
                                config(new TlsFiles(first.certificate(), second.key())), new RecordingAuditSink())
                        .close())
                .isInstanceOf(ProxyStartException.class)
                .hasMessageContaining("the private key " + second.key())
                .hasMessageContaining("does not belong to the certificate " + first.certificate());
    }

    /** As certbot does: the new file is written beside, then moved over the configured name. */
    private static void renew(Path source, Path live) throws Exception {
        Path staged = live.resolveSibling(live.getFileName() + ".new");
        Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The certificate the IMAPS listener presents to a new connection, which also gets the server's greeting. */
    private X509Certificate servedCertificate() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustingAnyCertificate()}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                .createSocket("127.0.0.1", proxy.address("imaps").getPort())) {
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            String greeting = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(greeting).startsWith("* OK");
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static X509Certificate certificateIn(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private ProxyConfig config(TlsFiles tls) {
        return ProxyConfig.of(
                List.of(ListenerConfig.loopback("imaps", MailProtocol.IMAP, 0, TlsMode.IMPLICIT)),
                tls,
                java.util.Map.of(
                        MailProtocol.IMAP,
                        UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()),
                        MailProtocol.POP3,
                        UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port())));
    }

    /** The test looks at which certificate is served, not whether it is trusted. */
    private static final class TrustingAnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
