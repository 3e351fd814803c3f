package dev.mailtrail.app.serve;

import dev.mailtrail.app.cluster.ClusterMember;
import dev.mailtrail.app.cluster.ConfiguredCluster;
import dev.mailtrail.app.cmdlet.CmdletChannel;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.IntentNamer;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.net.ProxyServer;
import dev.mailtrail.proxy.net.ProxyStartException;
import dev.mailtrail.proxy.session.AuditEventSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The proxy and the audit pipeline of one data directory, started and stopped together: every access event the
 * proxy makes is journaled by the pipeline, whose acknowledgement is what strict mode waits for, and cmdlets typed
 * meanwhile ({@code mt Set-Mailbox …}) reach the pipeline through its {@link CmdletChannel}. {@link #close} stops
 * the proxy first (no new sessions; open ones closed, their held decisions emitted and acknowledged), then closes
 * the pipeline with its cmdlet channel, which flushes every open aggregation window.
 */
public final class AuditingProxy implements AutoCloseable {

    private final AuditBackend pipeline;
    private final ProxyServer server;
    private final LostIntentNaming naming;
    private boolean closed;

    private AuditingProxy(AuditBackend pipeline, ProxyServer server, LostIntentNaming naming) {
        this.pipeline = pipeline;
        this.server = server;
        this.naming = naming;
    }

    /** Opens the data directory's pipeline and starts the proxy in front of it. */
    public static AuditingProxy start(ProxyConfig config, Path dataDirectory, Clock clock)
            throws IOException, ProxyStartException {
        return start(config, dataDirectory, clock, PipelineOptions.defaults(), false);
    }

    /**
     * As {@link #start(ProxyConfig, Path, Clock)}, the pipeline run as {@code options} say (digests, say);
     * {@code repair}: see {@link AuditPipeline#openRepairing}. With a {@code [cluster]} section the proxy feeds the
     * clustered pipeline instead (decision 0033), the data directory keeping only this process's own files and the
     * pointer that leads a later {@code --data} to the cluster.
     */
    public static AuditingProxy start(
            ProxyConfig config, Path dataDirectory, Clock clock, PipelineOptions options, boolean repair)
            throws IOException, ProxyStartException {
        // the messages of reads the last run stopped in are named by the server before their records are made, and so
        // are those of reads whose session ends before the server's answer
        IntentNamer namer = LookupIntentNamer.of(config.imapUpstream());
        AuditBackend pipeline = config.cluster() == null
                ? embedded(dataDirectory, clock, options, repair, namer)
                : ClusterMember.start(ConfiguredCluster.settings(config.cluster()), dataDirectory, clock);
        return around(pipeline, config, clock, namer);
    }

    /** Starts the proxy in front of {@code pipeline}, closing it if the proxy cannot start. */
    public static AuditingProxy around(AuditBackend pipeline, ProxyConfig config, Clock clock, IntentNamer namer)
            throws IOException, ProxyStartException {
        try {
            pipeline.closeWith(CmdletChannel.open(pipeline, clock));
            AuditEventSink journaled = AuditEventSink.grouping(pipeline::submit, pipeline::submitAll);
            LostIntentNaming naming = namer == IntentNamer.NONE ? null : new LostIntentNaming(journaled, namer);
            return new AuditingProxy(
                    pipeline, ProxyServer.start(config, naming == null ? journaled : naming, clock), naming);
        } catch (IOException | ProxyStartException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private static AuditPipeline embedded(
            Path dataDirectory, Clock clock, PipelineOptions options, boolean repair, IntentNamer namer)
            throws IOException {
        ClusterMember.refusePointer(dataDirectory);
        return AuditPipeline.open(dataDirectory, clock, options, "mt serve", System.err, repair, namer);
    }

    /** See {@link AuditBackend#onFailure}. */
    public void onPipelineFailure(java.util.function.Consumer<Throwable> handler) {
        pipeline.onFailure(handler);
    }

    public Map<String, InetSocketAddress> addresses() {
        return server.addresses();
    }

    /** The pipeline the proxy feeds: what the API's searches and configuration cmdlets run on. */
    public AuditBackend pipeline() {
        return pipeline;
    }

    /** Reports the pipeline's and the proxy's counts to {@code metrics} from now on. */
    public void reportTo(dev.mailtrail.app.metrics.MailTrailMetrics metrics) {
        if (pipeline instanceof AuditPipeline embedded) {
            // a clustered backend's journal and core positions are Kafka's offsets, watched where Kafka is
            metrics.watch(embedded);
        }
        metrics.watch(server);
    }

    public Path dataDirectory() {
        return pipeline.directory();
    }

    /** Idempotent; safe from a shutdown hook. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
            if (naming != null) {
                naming.close(); // the outcomes of reads the closed sessions lost, named, before the pipeline closes
            }
        } finally {
            pipeline.close(); // closes the cmdlet channel too
        }
    }
}
