package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.PlaintextAuth;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.TrustedNetworks;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.dovecot.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Dovecot with Pigeonhole and the proxy in front of its ManageSieve service: listener {@code sieve} (plain,
 * loopback), {@code sieve-starttls} (STARTTLS with a test certificate, plaintext logins refused unless the client
 * is on loopback), {@code sieve-lb} (the same behind the PROXY protocol), and {@code imap-trusted} and
 * {@code sieve-trusted}, which take loopback for a webmail host; events go to a {@link RecordingAuditSink}.
 */
final class ManageSieveHarness implements AutoCloseable {

    final DovecotInstance dovecot;
    final RecordingAuditSink sink = new RecordingAuditSink();
    final ProxyServer proxy;
    final TestCertificate certificate;

    ManageSieveHarness(Path dir) throws Exception {
        this(dir, false);
    }

    /** With {@code upstreamTls}, the proxy secures its own connection to Dovecot with STARTTLS, verified. */
    ManageSieveHarness(Path dir, boolean upstreamTls) throws Exception {
        this.certificate = TestCertificate.create(Files.createDirectories(dir.resolve("tls")));
        this.dovecot = DovecotInstance.startWithSieve(
                Files.createDirectories(dir.resolve("dovecot")), upstreamTls ? certificate : null);
        UpstreamConfig sieve = upstreamTls
                ? new UpstreamConfig(
                        "localhost",
                        dovecot.sievePort(),
                        TlsMode.STARTTLS,
                        true,
                        certificate.certificate(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30))
                : UpstreamConfig.plain("127.0.0.1", dovecot.sievePort());
        ProxyConfig config = ProxyConfig.of(
                List.of(
                        ListenerConfig.loopback("sieve", MailProtocol.MANAGESIEVE, 0, TlsMode.NONE),
                        ListenerConfig.loopback("sieve-starttls", MailProtocol.MANAGESIEVE, 0, TlsMode.STARTTLS),
                        new ListenerConfig(
                                "sieve-lb",
                                MailProtocol.MANAGESIEVE,
                                "127.0.0.1",
                                0,
                                TlsMode.STARTTLS,
                                true,
                                PlaintextAuth.SECURE_ONLY,
                                TrustedNetworks.parse("127.0.0.1/32")),
                        new ListenerConfig(
                                "imap-trusted",
                                MailProtocol.IMAP,
                                "127.0.0.1",
                                0,
                                TlsMode.NONE,
                                false,
                                PlaintextAuth.SECURE_ONLY,
                                TrustedNetworks.parse("127.0.0.1/32")),
                        new ListenerConfig(
                                "sieve-trusted",
                                MailProtocol.MANAGESIEVE,
                                "127.0.0.1",
                                0,
                                TlsMode.NONE,
                                false,
                                PlaintextAuth.SECURE_ONLY,
                                TrustedNetworks.parse("127.0.0.1/32"))),
                new TlsFiles(certificate.certificate(), certificate.key()),
                java.util.Map.of(
                        MailProtocol.IMAP,
                        UpstreamConfig.plain("127.0.0.1", dovecot.imapPort()),
                        MailProtocol.POP3,
                        UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port()),
                        MailProtocol.MANAGESIEVE,
                        sieve));
        this.proxy = ProxyServer.start(config, sink);
    }

    int port(String listener) {
        return proxy.address(listener).getPort();
    }

    @Override
    public void close() {
        proxy.close();
        dovecot.close();
    }
}
