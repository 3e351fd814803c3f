package dev.mailtrail.app.serve;

import dev.mailtrail.app.data.DataDirectory;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mt serve}: the auditing IMAP/POP3/submission proxy in front of a mail server, until SIGTERM or Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the auditing IMAP, POP3 and SMTP submission proxy described by the configuration file (docs/proxy-configuration.md):"
                    + " clients connect to it instead of the mail server, and every access is journaled in the data"
                    + " directory and turned into Exchange audit records.",
            "SIGTERM or Ctrl-C stop it cleanly: no new connections, open sessions closed, every open aggregation"
                    + " window flushed.",
            "Cmdlets typed meanwhile (mt Set-Mailbox …) are run by this process on its data directory.",
            "Exit status: 143 (128 + SIGTERM) or 130 (Ctrl-C) once stopped cleanly, as for any JVM ended by a signal;"
                    + " 1 the configuration, a listener or the data directory could not be used."
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
        Path directory = data != null
                ? data
                : DataDirectory.from(new String[0], System.getenv()).path();
        AuditingProxy proxy;
        try {
            proxy = AuditingProxy.start(proxyConfig, directory, Clock.systemUTC());
        } catch (ProxyStartException e) {
            err.println("mt serve: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            // the data directory: in use by another process, not writable, a link
            err.println("mt serve: " + dev.mailtrail.app.files.FileFailure.describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                proxy.close();
                            } catch (IOException e) {
                                err.println("mt serve: stopping: " + e.getMessage());
                            } finally {
                                err.flush();
                                stopped.countDown();
                            }
                        },
                        "mt-serve-shutdown"));
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
}
