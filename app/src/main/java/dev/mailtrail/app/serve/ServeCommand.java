package dev.mailtrail.app.serve;

import dev.mailtrail.app.anchors.AnchorOptions;
import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.ProxyConfigException;
import dev.mailtrail.proxy.config.ProxyConfigFile;
import dev.mailtrail.proxy.net.ProxyStartException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mt serve}: the auditing IMAP/POP3/submission/ManageSieve proxy in front of a mail server, until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the auditing IMAP, POP3, SMTP submission and ManageSieve proxy described by the configuration file (docs/proxy-configuration.md):"
                    + " clients connect to it instead of the mail server, and every access is journaled in the data"
                    + " directory and turned into Exchange audit records.",
            "SIGTERM or Ctrl-C stop it cleanly: no new connections, open sessions closed, every open aggregation"
                    + " window flushed.",
            "Cmdlets typed meanwhile (mt Set-Mailbox …) are run by this process on its data directory.",
            "With a [cluster] section the journal is a Kafka topic and the records are in OpenSearch (decision 0033):"
                    + " the data directory keeps this process's cmdlet socket, accounts and tokens, and a pointer"
                    + " (cluster.properties) that leads mt verify, mt scope and the search cmdlets given --data to"
                    + " the cluster.",
            "With an [api] section it also serves the HTTPS API (README, The HTTPS API; docs/api/openapi.yaml) with"
                    + " the certificate of [tls], renewed as the listeners' is.",
            "Exit status: 143 (128 + SIGTERM) or 130 (Ctrl-C) once stopped cleanly, as for any JVM ended by a signal;"
                    + " 1 the configuration, a listener or the data directory could not be used (a damaged journal"
                    + " is named with its file and byte offset); 70 the audit pipeline stopped on an error it cannot"
                    + " recover from (disk full, no file descriptors, a broken index): nothing more could be recorded,"
                    + " so the process ends for its service manager to restart it."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The proxy configuration file.")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The data directory (default: $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else"
                    + " ~/.local/share/mailtrail).")
    Path data;

    @Mixin
    AnchorOptions anchorOptions = new AnchorOptions();

    @Option(
            names = "--repair",
            description = "Open a data directory whose journal is damaged or shorter than its stores: move the damaged"
                    + " part aside (journal-damaged-TIME/ in the data directory, never deleted), record the loss in"
                    + " the audit log (operation Add-MailTrailJournalDamage) and go on. See docs/reliability.md.")
    boolean repair;

    @Option(
            names = "--journal-tail",
            paramLabel = "MIB",
            description = "Journal kept before what snapshots and the stores cover, in MiB (default: [journal] tail"
                    + " of the configuration file, else 256, one segment); older segments are deleted. A store can be rebuilt from the journal only while it"
                    + " still starts at sequence 1. See docs/decisions/0030-snapshots.md.")
    Long journalTailMib;

    /** The exit status when the audit pipeline stops on an error (EX_SOFTWARE). */
    public static final int PIPELINE_FAILED = 70;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProxyConfig proxyConfig;
        try {
            proxyConfig = ProxyConfigFile.read(config);
        } catch (ProxyConfigException e) {
            err.println("mt serve: " + e.getMessage());
            return 1;
        }
        if (proxyConfig.cluster() != null && (repair || journalTailMib != null)) {
            err.println("mt serve: " + (repair ? "--repair" : "--journal-tail")
                    + " is for the data directory's own journal; with [cluster] in " + config
                    + " the journal is Kafka's topic");
            return 2;
        }
        Path directory = data != null
                ? data
                : DataDirectory.from(new String[0], System.getenv()).path();
        AuditingProxy proxy;
        try {
            proxy = AuditingProxy.start(
                    proxyConfig,
                    directory,
                    Clock.systemUTC(),
                    PipelineOptions.defaults()
                            .withAnchoring(anchorOptions.anchoring(System.getenv(), proxyConfig.anchors()))
                            .withSnapshots(ServeSnapshots.policy(proxyConfig.journal(), journalTailMib)),
                    repair);
        } catch (ProxyStartException e) {
            err.println("mt serve: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            // the data directory: in use by another process, not writable, a link
            err.println("mt serve: " + dev.mailtrail.app.files.FileFailure.describe(e));
            return 1;
        }
        dev.mailtrail.app.api.MailTrailApi api = null;
        if (proxyConfig.api() != null) {
            try {
                dev.mailtrail.app.metrics.MailTrailMetrics metrics = new dev.mailtrail.app.metrics.MailTrailMetrics();
                proxy.reportTo(metrics);
                api = dev.mailtrail.app.api.MailTrailApi.start(
                        new java.net.InetSocketAddress(
                                proxyConfig.api().address(), proxyConfig.api().port()),
                        proxyConfig.tls(),
                        proxy.pipeline(),
                        Clock.systemUTC(),
                        metrics::scrape,
                        dovecotNamer(proxyConfig));
            } catch (dev.mailtrail.app.api.ApiStartException | dev.mailtrail.proxy.tls.TlsSetupException e) {
                err.println("mt serve: " + e.getMessage());
                proxy.close();
                return 1;
            }
        }
        dev.mailtrail.app.api.MailTrailApi served = api;
        proxy.onPipelineFailure(failure -> {
            err.println("mt serve: the audit pipeline stopped: " + failure
                    + "; nothing more can be recorded, exiting with status " + PIPELINE_FAILED);
            err.flush();
            // halt, not exit: the shutdown hook would wait on a pipeline that cannot flush any more
            Runtime.getRuntime().halt(PIPELINE_FAILED);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                if (served != null) {
                                    // requests in progress end before the pipeline they write to closes
                                    served.close();
                                }
                                proxy.close();
                            } catch (IOException e) {
                                err.println("mt serve: stopping: " + e.getMessage());
                            } finally {
                                err.flush();
                                stopped.countDown();
                            }
                        },
                        "mt-serve-shutdown"));
        if (served != null) {
            // before the banner, whose last line says the process is up
            String url = served.server().url(proxyConfig.api().address());
            out.println("HTTPS API: " + url + "  (accounts: mt account add; tokens: mt token add)");
            out.println("Web console: " + url + "/console/");
        }
        out.println(ServeBanner.text(proxyConfig, proxy));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proxy.close();
        }
        return 0;
    }

    /** Names what Dovecot's event exporter posts with the IMAP upstream's lookup account, if it has one. */
    private static dev.mailtrail.sensor.dovecot.name.ItemNamer dovecotNamer(
            dev.mailtrail.proxy.config.ProxyConfig config) throws dev.mailtrail.proxy.tls.TlsSetupException {
        return config.imapUpstream() != null && config.imapUpstream().lookup() != null
                ? dev.mailtrail.sensor.dovecot.name.LookupItemNamer.connect(config.imapUpstream())
                : dev.mailtrail.sensor.dovecot.name.ItemNamer.UIDS_ONLY;
    }
}
