package dev.mailtrail.app.demo;

import dev.mailtrail.app.anchors.AnchorOptions;
import dev.mailtrail.app.data.DataDirectory;
import dev.mailtrail.app.pipeline.PipelineOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mt demo}: a demo mail server behind the auditing proxy, recording into the data directory. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Starts a demo mail server (alice, bob and mallory @demo.test, password demo; alice's mailbox holds a"
                    + " business-email-compromise story), the auditing proxy in front of it on 127.0.0.1 in strict"
                    + " mode, and the audit pipeline under the data directory, then prints how to connect a mail"
                    + " client and how to search what it records. It also serves the HTTPS API on"
                    + " https://localhost:8443 with a demo sign-in and a sensor token, printed in the banner.",
            "With --backend dovecot --sensor native no proxy starts: clients connect to Dovecot directly (on"
                    + " --imap-port and --pop3-port) and Dovecot's own event exporter posts to the API"
                    + " (docs/dovecot-native-sensor.md).",
            "Ctrl-C or SIGTERM stops it with every record flushed.",
            "Exit status: 130 after Ctrl-C or 143 after SIGTERM once stopped cleanly (as for any JVM ended by a signal),"
                    + " 1 could not start (e.g. a port in use), 2 usage, 70 the audit pipeline stopped on an error it"
                    + " cannot recover from (as for mt serve: nothing more could be recorded)."
        })
public final class DemoCommand implements Callable<Integer> {
    /**
     * The proxy says at INFO where it listens; the banner says it too, so the demo keeps the proxy to warnings
     * (held here so that the level outlives the call).
     */
    /** As {@code mt serve}: the pipeline died, so the demo's reads could no longer be recorded. */
    static final int PIPELINE_FAILED = dev.mailtrail.app.serve.ServeCommand.PIPELINE_FAILED;

    private static final java.util.logging.Logger PROXY_LOG = java.util.logging.Logger.getLogger("dev.mailtrail.proxy");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "The data directory (default: $MAILTRAIL_DATA, else $XDG_DATA_HOME/mailtrail, else"
                    + " ~/.local/share/mailtrail).")
    Path data;

    @Option(
            names = "--backend",
            paramLabel = "greenmail|dovecot",
            converter = BackendConverter.class,
            description = "The mail server: embedded GreenMail (default) or a throwaway local Dovecot, which also"
                    + " shows delegate and admin access.")
    DemoBackend backend = DemoBackend.GREENMAIL;

    @Option(
            names = "--sensor",
            paramLabel = "proxy|native",
            converter = SensorConverter.class,
            description = "What records the mail access: the auditing proxy in front of the server (default), or"
                    + " native: Dovecot's own event exporter posting to the HTTPS API, clients connecting to Dovecot"
                    + " directly and no proxy started (--backend dovecot only; docs/dovecot-native-sensor.md).")
    DemoSensor sensor = DemoSensor.PROXY;

    @Option(
            names = "--imap-port",
            paramLabel = "PORT",
            description = "The proxy's IMAP port (default: 1143); with --sensor native, Dovecot's own (no TLS).")
    int imapPort = DemoOptions.IMAP_PORT;

    @Option(names = "--imaps-port", paramLabel = "PORT", description = "The proxy's IMAPS port (default: 1993).")
    int imapsPort = DemoOptions.IMAPS_PORT;

    @Option(
            names = "--pop3-port",
            paramLabel = "PORT",
            description = "The proxy's POP3 port (default: 1110); with --sensor native, Dovecot's own (no TLS).")
    int pop3Port = DemoOptions.POP3_PORT;

    @Option(names = "--pop3s-port", paramLabel = "PORT", description = "The proxy's POP3S port (default: 1995).")
    int pop3sPort = DemoOptions.POP3S_PORT;

    @Option(
            names = "--submission-port",
            paramLabel = "PORT",
            description = "The proxy's SMTP submission port, STARTTLS (default: 1587).")
    int submissionPort = DemoOptions.SUBMISSION_PORT;

    @Option(
            names = "--submissions-port",
            paramLabel = "PORT",
            description = "The proxy's SMTP submission port with implicit TLS (default: 1465).")
    int submissionsPort = DemoOptions.SUBMISSIONS_PORT;

    @Option(
            names = "--managesieve-port",
            paramLabel = "PORT",
            description = "The proxy's ManageSieve port (inbox rules), STARTTLS; --backend dovecot only"
                    + " (default: 14190).")
    int manageSievePort = DemoOptions.MANAGESIEVE_PORT;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            description = "The HTTPS API's port on 127.0.0.1 (default: 8443; any free port when it is taken).")
    int apiPort = DemoApi.PORT;

    @Option(
            names = "--cluster",
            description = "Runs the demo scaled out (decision 0033): a Kafka broker in KRaft mode and an OpenSearch"
                    + " node on this machine, two proxies (IMAP on 1143 and 2143, each other port likewise 1000"
                    + " apart) and two audit core consumers; cmdlets given --data DIR search the cluster while it runs"
                    + " (default DIR: the default data directory's name followed by -cluster).")
    boolean cluster;

    @Mixin
    AnchorOptions anchorOptions = new AnchorOptions();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sensor == DemoSensor.NATIVE && backend != DemoBackend.DOVECOT) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--sensor native needs --backend dovecot: the native sensor is Dovecot's own event exporter"
                            + " (mt demo --backend dovecot --sensor native)");
        }
        if (cluster && sensor == DemoSensor.NATIVE) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--cluster runs the proxies as the sensor; --sensor native has no proxy to scale out");
        }
        Path directory = data != null ? data : DataDirectory.fromEnvironment(System.getenv());
        if (cluster && data == null) {
            // the default directory may hold an embedded demo's journal, which a cluster's directory must not
            directory = directory.resolveSibling(directory.getFileName() + "-cluster");
        }
        DemoOptions options = new DemoOptions(
                directory,
                backend,
                imapPort,
                imapsPort,
                pop3Port,
                pop3sPort,
                submissionPort,
                submissionsPort,
                manageSievePort,
                sensor);
        PROXY_LOG.setLevel(java.util.logging.Level.WARNING);
        if (cluster) {
            return ClusterDemoRun.run(options, apiPort, out, err);
        }
        RunningDemo demo;
        try {
            demo = RunningDemo.start(
                    options,
                    Clock.systemUTC(),
                    PipelineOptions.defaults().withAnchoring(anchorOptions.anchoring(System.getenv())),
                    apiPort);
        } catch (DemoStartException e) {
            err.println("mt demo: " + e.getMessage());
            return 1;
        }
        DemoApi api;
        try {
            dev.mailtrail.app.metrics.MailTrailMetrics metrics = new dev.mailtrail.app.metrics.MailTrailMetrics();
            demo.reportTo(metrics);
            api = demo.apiReservation() == null
                    ? DemoApi.start(demo.pipeline(), demo.certificate(), apiPort, Clock.systemUTC(), metrics::scrape)
                    : DemoApi.start(
                            demo.apiReservation(),
                            demo.pipeline(),
                            demo.certificate(),
                            Clock.systemUTC(),
                            metrics::scrape,
                            dev.mailtrail.sensor.dovecot.name.LookupItemNamer.connect(
                                    RunningDemo.imapUpstream(demo.mailServer())));
        } catch (dev.mailtrail.app.api.ApiStartException
                | java.io.IOException
                | dev.mailtrail.proxy.tls.TlsSetupException e) {
            err.println("mt demo: the HTTPS API: " + e.getMessage());
            demo.close();
            return 1;
        }
        demo.pipeline().onFailure(failure -> {
            err.println("mt demo: the audit pipeline stopped: " + failure
                    + "; nothing more can be recorded, exiting with status " + PIPELINE_FAILED);
            err.flush();
            // halt, not exit: the shutdown hook would wait on a pipeline that cannot flush any more
            Runtime.getRuntime().halt(PIPELINE_FAILED);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(api, demo, err, stopped), "mt-demo-shutdown"));
        out.print(
                demo.apiReservation() == null
                        ? DemoBanner.render(demo, api.banner())
                        : NativeSensorBanner.render(demo, api));
        out.flush();
        stopped.await();
        return 0;
    }

    private static void stop(DemoApi api, RunningDemo demo, PrintWriter err, CountDownLatch stopped) {
        stop(api, demo::close, "flushing the audit records to " + demo.options().data(), err, stopped);
    }

    /**
     * Stops a demo on Ctrl-C: the HTTPS API first (requests in progress end before the pipeline they write to
     * closes), then {@code demo}, which flushes every record; says so on {@code err} and counts {@code stopped} down.
     */
    static void stop(DemoApi api, Runnable demo, String flushing, PrintWriter err, CountDownLatch stopped) {
        err.println("mt demo: stopping; " + flushing);
        err.flush();
        try {
            try {
                api.close();
            } catch (java.io.IOException | RuntimeException e) {
                err.println("mt demo: stopping the HTTPS API: " + e.getMessage());
            }
            demo.run();
            err.println("mt demo: stopped, every record stored.");
        } catch (RuntimeException e) {
            err.println("mt demo: " + e.getMessage());
        } finally {
            err.flush();
            stopped.countDown();
        }
    }

    static final class SensorConverter implements CommandLine.ITypeConverter<DemoSensor> {
        @Override
        public DemoSensor convert(String value) {
            for (DemoSensor sensor : DemoSensor.values()) {
                if (sensor.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
                    return sensor;
                }
            }
            throw new CommandLine.TypeConversionException("expected proxy or native, got '" + value + "'");
        }
    }

    static final class BackendConverter implements CommandLine.ITypeConverter<DemoBackend> {
        @Override
        public DemoBackend convert(String value) {
            for (DemoBackend backend : DemoBackend.values()) {
                if (backend.optionValue().equals(value.toLowerCase(Locale.ROOT))) {
                    return backend;
                }
            }
            throw new CommandLine.TypeConversionException("expected greenmail or dovecot, got '" + value + "'");
        }
    }
}
