package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
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
import dev.mailtrail.proxy.postfix.PostfixInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Postfix authenticating against a real Dovecot, with the proxy in front: listeners {@code submission}
 * (STARTTLS), {@code submissions} (implicit TLS) and {@code submission-lb} (STARTTLS behind the PROXY protocol), all
 * trusting {@link #TRUSTED} to send XCLIENT; local domain
 * {@link PostfixInstance#DOMAIN}. Events go to a {@link RecordingAuditSink}.
 */
final class SubmissionHarness implements AutoCloseable {

    static final String TRUSTED = "127.0.0.77";

    final DovecotInstance dovecot;
    final PostfixInstance postfix;
    final RecordingAuditSink sink = new RecordingAuditSink();
    final ProxyServer proxy;
    final Path dir;

    SubmissionHarness(Path dir, AuditMode mode) throws Exception {
        PostfixInstance.assumeInstalled();
        this.dir = dir;
        this.dovecot = DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")));
        this.postfix = PostfixInstance.start(Files.createDirectories(dir.resolve("postfix")), dovecot);
        TestCertificate certificate = TestCertificate.create(Files.createDirectories(dir.resolve("tls")));
        TrustedNetworks trusted = TrustedNetworks.parse(TRUSTED + "/32");
        List<String> local = List.of(PostfixInstance.DOMAIN);
        ProxyConfig config = ProxyConfig.of(
                        List.of(
                                new ListenerConfig(
                                        "submission",
                                        MailProtocol.SUBMISSION,
                                        "127.0.0.1",
                                        0,
                                        TlsMode.STARTTLS,
                                        false,
                                        PlaintextAuth.SECURE_ONLY,
                                        trusted,
                                        local),
                                new ListenerConfig(
                                        "submissions",
                                        MailProtocol.SUBMISSION,
                                        "127.0.0.1",
                                        0,
                                        TlsMode.IMPLICIT,
                                        false,
                                        PlaintextAuth.SECURE_ONLY,
                                        trusted,
                                        local),
                                new ListenerConfig(
                                        "submission-lb",
                                        MailProtocol.SUBMISSION,
                                        "127.0.0.1",
                                        0,
                                        TlsMode.STARTTLS,
                                        true,
                                        PlaintextAuth.SECURE_ONLY,
                                        // the load balancer in front of it: the test's own loopback connections
                                        TrustedNetworks.parse("127.0.0.1/32"),
                                        local)),
                        new TlsFiles(certificate.certificate(), certificate.key()),
                        java.util.Map.of(MailProtocol.SUBMISSION, UpstreamConfig.plain("127.0.0.1", postfix.port())))
                .withMode(mode);
        this.proxy = ProxyServer.start(config, sink);
    }

    int port(String listener) {
        return proxy.address(listener).getPort();
    }

    /** The outcome of a client program: its exit status and everything it printed. */
    record Outcome(int exit, String output) {}

    /** Runs a client program to its end (60 s at most), whatever its exit status. */
    Outcome client(String stdin, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed by this test and could not be run (Debian: apt-get"
                    + " install swaks msmtp): " + e.getMessage());
        }
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** swaks through the STARTTLS listener, logged in as {@code user}; {@code more} adds options. */
    Outcome swaks(String user, String envelopeFrom, String to, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                "swaks",
                "--server",
                "127.0.0.1",
                "--port",
                String.valueOf(port("submission")),
                "--tls",
                "--auth",
                "PLAIN",
                "--auth-user",
                user,
                "--auth-password",
                DovecotInstance.PASSWORD,
                "--from",
                envelopeFrom,
                "--to",
                to,
                "--timeout",
                "30"));
        command.addAll(List.of(more));
        return client(null, command.toArray(String[]::new));
    }

    @Override
    public void close() {
        proxy.close();
        postfix.close();
        dovecot.close();
    }
}
