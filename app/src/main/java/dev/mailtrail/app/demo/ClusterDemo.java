package dev.mailtrail.app.demo;

import dev.mailtrail.app.cluster.ClusterFlush;
import dev.mailtrail.app.cluster.ClusterMember;
import dev.mailtrail.app.cluster.ClusterPipeline;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.app.cmdlet.CmdletChannel;
import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.tls.DemoCertificate;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.net.ProxyStartException;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mt demo --cluster} at work: two auditing proxies in front of the demo mail server, each on its own
 * clustered pipeline with one audit core consumer, both journaling to one Kafka topic and storing in one OpenSearch
 * (decision 0033). The first proxy's data directory is the demo's ({@code --data}), where the cmdlet socket and the
 * pointer to the cluster are; the second's is {@code second-proxy/} inside it. {@link #close} stops the proxies, then
 * journals a flush on every partition and waits for the cores to store it (this whole cluster is going away, so no
 * window may stay open), then closes the pipelines, the mail server and the services.
 */
public final class ClusterDemo implements AutoCloseable {
    /** The second proxy's data directory, inside the demo's. */
    static final String SECOND = "second-proxy";
    /** The second proxy's ports are the first's plus this: IMAP on 1143 and on 2143. */
    static final int PORT_SHIFT = 1000;

    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(1);

    /** One proxy of the demo and the pipeline it feeds. */
    record Member(DemoOptions options, ClusterPipeline pipeline, ProxyServer proxy) {}

    private final ClusterSettings settings;
    private final DemoCertificate certificate;
    private final DemoMailServer mailServer;
    private final List<Member> members;
    private final AutoCloseable services;
    private final Clock clock;
    private boolean closed;

    private ClusterDemo(
            ClusterSettings settings,
            DemoCertificate certificate,
            DemoMailServer mailServer,
            List<Member> members,
            AutoCloseable services,
            Clock clock) {
        this.settings = settings;
        this.certificate = certificate;
        this.mailServer = mailServer;
        this.members = List.copyOf(members);
        this.services = services;
        this.clock = clock;
    }

    /**
     * Starts the mail server and both proxies on {@code settings}'s cluster, or nothing.
     *
     * @param services what runs the cluster (the broker and the search node), stopped last by {@link #close}
     */
    public static ClusterDemo start(DemoOptions options, ClusterSettings settings, AutoCloseable services, Clock clock)
            throws DemoStartException {
        DemoOptions second = shifted(options);
        RunningDemo.requireFreePorts(options);
        RunningDemo.requireFreePorts(second);
        DemoMailServer mailServer = null;
        List<Member> members = new ArrayList<>();
        try {
            dev.mailtrail.app.files.PrivateFiles.directory(options.data());
            DemoCertificate certificate = DemoCertificate.loadOrCreate(options.data(), clock);
            mailServer = options.backend().start(DemoCorpus.messages());
            for (DemoOptions proxy : List.of(options, second)) {
                members.add(member(proxy, settings, certificate, mailServer, clock));
            }
            return new ClusterDemo(settings, certificate, mailServer, members, services, clock);
        } catch (IOException | UncheckedIOException | ProxyStartException | IllegalStateException e) {
            for (Member member : members.reversed()) {
                member.proxy().close();
                closeQuietly(member.pipeline());
            }
            if (mailServer != null) {
                mailServer.close();
            }
            throw new DemoStartException(dev.mailtrail.app.files.FileFailure.describe(e), e);
        }
    }

    private static Member member(
            DemoOptions options,
            ClusterSettings settings,
            DemoCertificate certificate,
            DemoMailServer mailServer,
            Clock clock)
            throws IOException, ProxyStartException {
        ClusterPipeline pipeline = ClusterMember.start(settings, options.data(), clock);
        try {
            pipeline.closeWith(CmdletChannel.open(pipeline, clock));
            AuditEventSink sink = AuditEventSink.grouping(pipeline::submit, pipeline::submitAll);
            ProxyServer proxy =
                    ProxyServer.start(RunningDemo.proxyConfig(options, certificate, mailServer), sink, clock);
            return new Member(options, pipeline, proxy);
        } catch (IOException | ProxyStartException | RuntimeException e) {
            closeQuietly(pipeline);
            throw e;
        }
    }

    /** The second proxy: its own data directory inside the first's, every port {@link #PORT_SHIFT} higher. */
    static DemoOptions shifted(DemoOptions options) {
        return new DemoOptions(
                options.data().resolve(SECOND),
                options.backend(),
                shift(options.imapPort()),
                shift(options.imapsPort()),
                shift(options.pop3Port()),
                shift(options.pop3sPort()),
                shift(options.submissionPort()),
                shift(options.submissionsPort()),
                shift(options.manageSievePort()),
                options.sensor());
    }

    private static int shift(int port) {
        return port == 0 ? 0 : port + PORT_SHIFT; // 0: any free port, as tests ask
    }

    public ClusterSettings settings() {
        return settings;
    }

    public DemoCertificate certificate() {
        return certificate;
    }

    public DemoMailServer mailServer() {
        return mailServer;
    }

    /** The demo's proxies, the first being the one whose data directory is the demo's. */
    public List<Member> members() {
        return members;
    }

    /** The port of {@code listener} on proxy {@code index} (0 or 1). */
    public int port(int index, String listener) {
        return members.get(index).proxy().address(listener).getPort();
    }

    /** The first proxy's pipeline: what the HTTPS API searches and configures. */
    public ClusterPipeline pipeline() {
        return members.getFirst().pipeline();
    }

    /** Stops everything in the order that stores every record; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        for (Member member : members) {
            try {
                member.proxy().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            ClusterFlush.run(settings, clock, FLUSH_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
        for (Member member : members) {
            try {
                member.pipeline().close();
            } catch (IOException | RuntimeException e) {
                failures.add(e);
            }
        }
        try {
            mailServer.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            services.close();
        } catch (Exception e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(
                    "the cluster demo did not stop cleanly: "
                            + failures.getFirst().getMessage(),
                    failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void closeQuietly(ClusterPipeline pipeline) {
        try {
            pipeline.close();
        } catch (IOException e) {
            System.err.println("mt demo: closing a clustered pipeline after a failed start: " + e.getMessage());
        }
    }

    /** Where the demo's records are searched from: the first proxy's data directory, which points to the cluster. */
    public Path data() {
        return members.getFirst().options().data();
    }
}
