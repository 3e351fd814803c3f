package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyLimits;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.dovecot.TestCertificate;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot with the proxy in front of it: listeners {@code imap} and {@code pop3} (plain, loopback) and, with
 * a certificate, {@code imaps}, {@code imap-starttls}, {@code pop3s}; events go to a {@link RecordingAuditSink}.
 * Also runs the real client programs the tests drive.
 */
final class ProxyHarness implements AutoCloseable {

    final DovecotInstance dovecot;
    final RecordingAuditSink sink = new RecordingAuditSink();
    final ProxyServer proxy;
    final Path dir;
    final TestCertificate certificate;

    ProxyHarness(Path dir, AuditMode mode) throws Exception {
        this(dir, mode, false);
    }

    ProxyHarness(Path dir, AuditMode mode, boolean tls) throws Exception {
        this(dir, mode, tls, ImapAuditConfig.DEFAULTS);
    }

    ProxyHarness(Path dir, AuditMode mode, boolean tls, ImapAuditConfig audit) throws Exception {
        this(dir, mode, tls, audit, null, port -> port);
    }

    /** With these limits on connections and time. */
    ProxyHarness(Path dir, AuditMode mode, boolean tls, ProxyLimits limits) throws Exception {
        this(dir, mode, tls, ImapAuditConfig.DEFAULTS, null, port -> port, limits);
    }

    ProxyHarness(
            Path dir,
            AuditMode mode,
            boolean tls,
            ImapAuditConfig audit,
            LookupAccount lookup,
            java.util.function.IntUnaryOperator imapRoute)
            throws Exception {
        this(dir, mode, tls, audit, lookup, imapRoute, ProxyLimits.DEFAULTS);
    }

    /**
     * With a lookup account on the IMAP upstream (null: none), reached on the port {@code imapRoute} gives for
     * Dovecot's (a relay in front of it, say).
     */
    ProxyHarness(
            Path dir,
            AuditMode mode,
            boolean tls,
            ImapAuditConfig audit,
            LookupAccount lookup,
            java.util.function.IntUnaryOperator imapRoute,
            ProxyLimits limits)
            throws Exception {
        this.dir = dir;
        Path dc = Files.createDirectories(dir.resolve("dovecot"));
        this.certificate = tls ? TestCertificate.create(Files.createDirectories(dir.resolve("tls"))) : null;
        this.dovecot = DovecotInstance.start(dc);
        List<ListenerConfig> listeners = new ArrayList<>(List.of(
                ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE),
                ListenerConfig.loopback("pop3", MailProtocol.POP3, 0, TlsMode.NONE)));
        if (tls) {
            listeners.add(ListenerConfig.loopback("imaps", MailProtocol.IMAP, 0, TlsMode.IMPLICIT));
            listeners.add(ListenerConfig.loopback("imap-starttls", MailProtocol.IMAP, 0, TlsMode.STARTTLS));
            listeners.add(ListenerConfig.loopback("pop3s", MailProtocol.POP3, 0, TlsMode.IMPLICIT));
            listeners.add(ListenerConfig.loopback("pop3-stls", MailProtocol.POP3, 0, TlsMode.STARTTLS));
        }
        ProxyConfig config = ProxyConfig.of(
                        listeners,
                        tls ? new TlsFiles(certificate.certificate(), certificate.key()) : null,
                        Map.of(
                                MailProtocol.IMAP,
                                UpstreamConfig.plain("127.0.0.1", imapRoute.applyAsInt(dovecot.imapPort()))
                                        .withLookup(lookup),
                                MailProtocol.POP3,
                                UpstreamConfig.plain("127.0.0.1", dovecot.pop3Port())))
                .withMode(mode)
                .withAudit(audit)
                .withLimits(limits);
        this.proxy = ProxyServer.start(config, sink);
    }

    int port(String listener) {
        return proxy.address(listener).getPort();
    }

    /** Runs a program to its end (60 s at most) and returns its output; fails the test on a non-zero exit. */
    static String run(Path workDir, String stdin, String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed by this test and could not be run (Debian: apt-get"
                    + " install dovecot-imapd dovecot-pop3d isync offlineimap fetchmail mutt curl python3 openssl): "
                    + e.getMessage());
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
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** Runs a Python 3 script (imaplib, poplib) and returns what it printed. */
    String python(String script) throws IOException, InterruptedException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".py");
        Files.writeString(file, script);
        return client(null, "python3", file.toString());
    }

    /** Runs a client program; a failure message carries Dovecot's log too. */
    String client(String stdin, String... command) throws IOException, InterruptedException {
        try {
            return run(dir, stdin, command);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nDovecot log:\n" + dovecot.log(), e);
        }
    }

    @Override
    public void close() {
        proxy.close();
        dovecot.close();
    }
}
