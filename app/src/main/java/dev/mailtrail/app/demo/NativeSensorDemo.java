package dev.mailtrail.app.demo;

import dev.mailtrail.app.cmdlet.CmdletChannel;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.dovecot.EventExporter;
import dev.mailtrail.demo.tls.DemoCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;

/**
 * {@code mt demo --backend dovecot --sensor native}: Dovecot with its event exporter posting to the demo's API, and no
 * proxy. The API's port and a sensor token are reserved before Dovecot starts, since its configuration names both;
 * the API itself starts after it ({@link DemoApi#start(DemoApi.Reservation, dev.mailtrail.app.pipeline.AuditBackend, DemoCertificate, Clock,
 * java.util.function.Supplier, dev.mailtrail.sensor.dovecot.name.ItemNamer)}), with the master user's lookup, which
 * needs Dovecot up. No proxy listener starts: the point of this mode is that nothing sits between client and server,
 * and a proxy port beside it would invite a client to go through it and be recorded the other way.
 */
final class NativeSensorDemo {
    /** The endpoint of POST /api/v1/sensors/dovecot; the user part of the URL is ignored, the password is the token. */
    static final String ENDPOINT = "/api/v1/sensors/dovecot";

    private NativeSensorDemo() {}

    static RunningDemo start(DemoOptions options, Clock clock, PipelineOptions pipelineOptions, int apiPort)
            throws DemoStartException {
        try {
            LoopbackPort.requireFree(RunningDemo.HOST, options.imapPort(), "Dovecot's IMAP listener (--imap-port)");
            LoopbackPort.requireFree(RunningDemo.HOST, options.pop3Port(), "Dovecot's POP3 listener (--pop3-port)");
        } catch (LoopbackPort.PortUnavailableException e) {
            throw new DemoStartException(e.getMessage(), e);
        }
        AuditPipeline pipeline = null;
        DemoMailServer dovecot = null;
        try {
            dev.mailtrail.app.files.PrivateFiles.directory(options.data());
            DemoCertificate certificate = DemoCertificate.loadOrCreate(options.data(), clock);
            dev.mailtrail.app.cluster.ClusterMember.refusePointer(options.data());
            pipeline = AuditPipeline.open(options.data(), clock, pipelineOptions, "mt demo", System.err);
            pipeline.closeWith(CmdletChannel.open(pipeline, clock));
            DemoApi.Reservation api = DemoApi.reserve(pipeline, apiPort);
            dovecot = options.backend()
                    .startNative(
                            DemoCorpus.messages(),
                            options.imapPort(),
                            options.pop3Port(),
                            new EventExporter(target(api), certificate.certificate()));
            return new RunningDemo(options, certificate, pipeline, dovecot, null, api);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            RunningDemo.closeQuietly(dovecot, pipeline);
            throw new DemoStartException(dev.mailtrail.app.files.FileFailure.describe(e), e);
        }
    }

    /** Where Dovecot posts: the API on loopback, the sensor token as the Basic password (Dovecot sends no header). */
    static URI target(DemoApi.Reservation api) {
        return URI.create(
                "https://dovecot:" + api.sensorToken() + "@" + RunningDemo.HOST + ":" + api.port() + ENDPOINT);
    }
}
