package dev.mailtrail.app.demo;

import dev.mailtrail.app.cmdlet.CmdletChannel;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.net.ProxyStartException;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo at work: the audit pipeline under the data directory, the demo mail server, and the proxy in strict
 * mode in front of it, every read journaled before its bytes go out. {@link #close} stops them in the order that
 * loses nothing: the proxy (its sessions end and their events are acknowledged), then the pipeline (every open
 * window flushed and committed), then the mail server.
 */
public final class RunningDemo implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final DemoOptions options;
    private final DemoCertificate certificate;
    private final AuditBackend pipeline;
    private final DemoMailServer mailServer;
    /** Null with the native sensor: no proxy in the data path. */
    private final ProxyServer proxy;
    /** The API's port and sensor token Dovecot's exporter was told; null with the proxy. */
    private final DemoApi.Reservation apiReservation;

    private boolean closed;

    RunningDemo(
            DemoOptions options,
            DemoCertificate certificate,
            AuditBackend pipeline,
            DemoMailServer mailServer,
            ProxyServer proxy,
            DemoApi.Reservation apiReservation) {
        this.options = options;
        this.certificate = certificate;
        this.pipeline = pipeline;
        this.mailServer = mailServer;
        this.proxy = proxy;
        this.apiReservation = apiReservation;
    }

    /**
     * Starts everything, or nothing: what was started before a failure is stopped again.
     *
     * @throws DemoStartException saying what could not start and why (a port taken names the port and option)
     */
    public static RunningDemo start(DemoOptions options, Clock clock) throws DemoStartException {
        return start(options, clock, PipelineOptions.defaults());
    }

    /** As {@link #start(DemoOptions, Clock)}, the pipeline run as {@code pipelineOptions} say (digests, say). */
    public static RunningDemo start(DemoOptions options, Clock clock, PipelineOptions pipelineOptions)
            throws DemoStartException {
        return start(options, clock, pipelineOptions, DemoApi.PORT);
    }

    /**
     * As {@link #start(DemoOptions, Clock, PipelineOptions)}; with the native sensor the API's port ({@code apiPort}
     * when free) and sensor token are reserved first and Dovecot's exporter is told them, and no proxy starts.
     */
    public static RunningDemo start(DemoOptions options, Clock clock, PipelineOptions pipelineOptions, int apiPort)
            throws DemoStartException {
        if (options.sensor() == DemoSensor.NATIVE) {
            return NativeSensorDemo.start(options, clock, pipelineOptions, apiPort);
        }
        requireFreePorts(options);
        AuditPipeline pipeline = null;
        DemoMailServer mailServer = null;
        try {
            dev.mailtrail.app.files.PrivateFiles.directory(options.data());
            DemoCertificate certificate = DemoCertificate.loadOrCreate(options.data(), clock);
            dev.mailtrail.app.cluster.ClusterMember.refusePointer(options.data());
            pipeline = AuditPipeline.open(options.data(), clock, pipelineOptions, "mt demo", System.err);
            pipeline.closeWith(CmdletChannel.open(pipeline, clock));
            mailServer = options.backend().start(DemoCorpus.messages());
            AuditBackend journal = pipeline;
            AuditEventSink sink = event -> journal.submit(event);
            ProxyServer proxy = ProxyServer.start(proxyConfig(options, certificate, mailServer), sink, clock);
            return new RunningDemo(options, certificate, pipeline, mailServer, proxy, null);
        } catch (IOException | UncheckedIOException | ProxyStartException | IllegalStateException e) {
            closeQuietly(mailServer, pipeline);
            throw new DemoStartException(dev.mailtrail.app.files.FileFailure.describe(e), e);
        }
    }

    static void requireFreePorts(DemoOptions options) throws DemoStartException {
        try {
            LoopbackPort.requireFree(HOST, options.imapPort(), "the proxy's IMAP listener (--imap-port)");
            LoopbackPort.requireFree(HOST, options.imapsPort(), "the proxy's IMAPS listener (--imaps-port)");
            LoopbackPort.requireFree(HOST, options.pop3Port(), "the proxy's POP3 listener (--pop3-port)");
            LoopbackPort.requireFree(HOST, options.pop3sPort(), "the proxy's POP3S listener (--pop3s-port)");
            LoopbackPort.requireFree(
                    HOST, options.submissionPort(), "the proxy's submission listener (--submission-port)");
            LoopbackPort.requireFree(
                    HOST, options.submissionsPort(), "the proxy's submissions listener (--submissions-port)");
            if (options.backend() == DemoBackend.DOVECOT) {
                LoopbackPort.requireFree(
                        HOST, options.manageSievePort(), "the proxy's ManageSieve listener (--managesieve-port)");
            }
        } catch (LoopbackPort.PortUnavailableException e) {
            throw new DemoStartException(e.getMessage(), e);
        }
    }

    static ProxyConfig proxyConfig(DemoOptions options, DemoCertificate certificate, DemoMailServer mailServer) {
        // Users log in with their whole address, so a send is filed under alice@demo.test as her IMAP reads are.
        List<ListenerConfig> listeners = new ArrayList<>(List.of(
                ListenerConfig.loopback("imap", MailProtocol.IMAP, options.imapPort(), TlsMode.STARTTLS),
                ListenerConfig.loopback("imaps", MailProtocol.IMAP, options.imapsPort(), TlsMode.IMPLICIT),
                ListenerConfig.loopback("pop3", MailProtocol.POP3, options.pop3Port(), TlsMode.STARTTLS),
                ListenerConfig.loopback("pop3s", MailProtocol.POP3, options.pop3sPort(), TlsMode.IMPLICIT),
                ListenerConfig.loopback(
                        "submission", MailProtocol.SUBMISSION, options.submissionPort(), TlsMode.STARTTLS),
                ListenerConfig.loopback(
                        "submissions", MailProtocol.SUBMISSION, options.submissionsPort(), TlsMode.IMPLICIT)));
        UpstreamConfig manageSieve = null;
        if (mailServer.manageSievePort() != 0) {
            listeners.add(ListenerConfig.loopback(
                    "managesieve", MailProtocol.MANAGESIEVE, options.manageSievePort(), TlsMode.STARTTLS));
            manageSieve = UpstreamConfig.plain(mailServer.host(), mailServer.manageSievePort());
        }
        ImapAuditConfig defaults = ImapAuditConfig.DEFAULTS;
        // Dovecot's shared namespace is announced by NAMESPACE; GreenMail has no NAMESPACE and no shared folders.
        String sharedPrefix =
                mailServer instanceof DovecotDemoServer dovecot ? dovecot.sharedPrefix() : defaults.sharedPrefix();
        ImapAuditConfig audit = new ImapAuditConfig(
                defaults.masterSeparator(),
                sharedPrefix,
                defaults.trashFolder(),
                defaults.maxTrackedMessages(),
                defaults.downloadRule());
        java.util.Map<MailProtocol, UpstreamConfig> upstreams = new java.util.EnumMap<>(MailProtocol.class);
        // GreenMail has no master user, so no lookup account
        upstreams.put(MailProtocol.IMAP, imapUpstream(mailServer));
        upstreams.put(MailProtocol.POP3, UpstreamConfig.plain(mailServer.host(), mailServer.pop3Port()));
        upstreams.put(MailProtocol.SUBMISSION, UpstreamConfig.plain(mailServer.host(), mailServer.smtpPort()));
        if (manageSieve != null) {
            upstreams.put(MailProtocol.MANAGESIEVE, manageSieve);
        }
        return ProxyConfig.of(listeners, new TlsFiles(certificate.certificate(), certificate.privateKey()), upstreams)
                .withAudit(audit);
    }

    public DemoOptions options() {
        return options;
    }

    public DemoCertificate certificate() {
        return certificate;
    }

    public DemoMailServer mailServer() {
        return mailServer;
    }

    /**
     * The proxy's listeners by name ({@code imap}, {@code imaps}, {@code pop3}, {@code pop3s}, {@code submission},
     * {@code submissions}, with a back end that has ManageSieve {@code managesieve}) and address.
     */
    public Map<String, InetSocketAddress> listeners() {
        return proxy == null ? Map.of() : proxy.addresses();
    }

    /** The port a proxy listener is bound to. */
    public int port(String listener) {
        return proxy.address(listener).getPort();
    }

    /** Whether the proxy has a listener of that name (ManageSieve only with a back end that has it). */
    public boolean listens(String listener) {
        return listeners().containsKey(listener);
    }

    /** The API's port and sensor token reserved for Dovecot's exporter; null with the proxy as the sensor. */
    public DemoApi.Reservation apiReservation() {
        return apiReservation;
    }

    /** Dovecot's IMAP with its master user as the lookup account, which names what a delete or a body part leaves unnamed. */
    static UpstreamConfig imapUpstream(DemoMailServer mailServer) {
        return UpstreamConfig.plain(mailServer.host(), mailServer.imapPort())
                .withLookup(
                        mailServer instanceof DovecotDemoServer
                                ? new dev.mailtrail.proxy.config.LookupAccount(
                                        dev.mailtrail.demo.DemoUsers.ADMIN,
                                        dev.mailtrail.demo.DemoUsers.PASSWORD,
                                        java.time.Duration.ofSeconds(2))
                                : null);
    }

    /** Reports the pipeline's and the proxy's counts to {@code metrics} from now on. */
    public void reportTo(dev.mailtrail.app.metrics.MailTrailMetrics metrics) {
        if (pipeline instanceof AuditPipeline embedded) {
            metrics.watch(embedded);
        }
        if (proxy != null) {
            metrics.watch(proxy);
        }
    }

    /** The audit pipeline the proxy's events go to. */
    public AuditBackend pipeline() {
        return pipeline;
    }

    /** Stops the proxy, then the pipeline (every record flushed), then the mail server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        if (proxy != null) {
            try {
                proxy.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            if (proxy.failedEvents() > 0) {
                failures.add(new IllegalStateException(
                        proxy.failedEvents() + " audit events could not be made durable (each was logged)"));
            }
        }
        try {
            pipeline.close();
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
        try {
            mailServer.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(
                    "the demo did not stop cleanly: " + failures.getFirst().getMessage(), failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    static void closeQuietly(DemoMailServer mailServer, AuditBackend pipeline) {
        if (mailServer != null) {
            mailServer.close();
        }
        if (pipeline != null) {
            try {
                pipeline.close();
            } catch (IOException e) {
                System.err.println("mt demo: closing the audit pipeline after a failed start: " + e.getMessage());
            }
        }
    }
}
