package dev.mailtrail.app.cluster;

import dev.mailtrail.app.process.MtProcess;
import dev.mailtrail.app.process.ServeOutput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mt serve} as a real process in a cluster (decision 0033): an IMAP proxy in front of a mail server, its
 * journal the cluster's Kafka topic, running audit cores of the cluster's group. Started again on the same
 * configuration, directory and port after a {@code kill -9} or a stop, as a service manager restarts it.
 */
final class ClusterServe implements AutoCloseable {
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final String name;
    private final Path conf;
    private final Path data;
    private final int port;
    private Process process;
    private ServeOutput output;
    private final StringBuilder earlier = new StringBuilder();

    private ClusterServe(String name, Path conf, Path data, int port) {
        this.name = name;
        this.conf = conf;
        this.data = data;
        this.port = port;
    }

    /**
     * Writes {@code dir/<name>.conf} — the IMAP proxy in front of {@code imapPort} and {@code cluster} (a
     * {@code [cluster]} section) — and starts {@code mt serve} on it with {@code dir/<name>} as its directory.
     */
    static ClusterServe start(Path dir, String name, int imapPort, String cluster)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, """
                [upstream imap]
                host = 127.0.0.1
                port = %d

                [listener imap]
                protocol = imap
                address = 127.0.0.1
                port = %d

                """.formatted(imapPort, port) + cluster);
        ClusterServe serve = new ClusterServe(name, conf, Files.createDirectories(dir.resolve(name)), port);
        serve.restart();
        return serve;
    }

    /** Starts the process (again) and waits until it says it is up; fails with what it printed if it ends first. */
    void restart() throws IOException, InterruptedException {
        if (output != null) {
            earlier.append(output.printed()).append("--- started again ---\n");
        }
        process = new ProcessBuilder(MtProcess.serveCommand(JVM, conf, data))
                .redirectErrorStream(true)
                .start();
        output = ServeOutput.of(process);
        if (!output.awaitUp(120) || !process.isAlive()) {
            throw new IllegalStateException(name + " did not come up:\n" + printed());
        }
    }

    /** The proxy's IMAP port. */
    int port() {
        return port;
    }

    /** A crash: SIGKILL, no shutdown hook, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process as an operator does (SIGTERM: it commits and leaves the group); false if it had to be killed. */
    boolean stop() throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        boolean stopped = process.waitFor(90, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        output.join(5_000);
        return stopped; // a JVM ended by SIGTERM exits with 143 once its shutdown hooks are done
    }

    /** Everything the process printed, over every start: for a failure's message. */
    String printed() {
        return name + " printed:\n" + earlier + (output == null ? "" : output.printed());
    }

    @Override
    public String toString() {
        return "mt serve " + name + " (IMAP on " + port + ")";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
