package dev.mailtrail.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode — one node that is both broker and controller — running as a process of
 * its own from Maven Central's jars, listening on free loopback ports, keeping its data in a directory of its own.
 * The first start formats the directory's storage; a later start on the same directory (after {@link #stop()} or
 * {@link #kill()}) finds what the broker had, on the same ports, so that clients configured with {@link
 * #bootstrapServers()} reconnect to it.
 *
 * <p>The broker runs in its own JVM rather than in the caller's because Kafka's server brings Scala, Jackson, Log4j
 * and others in versions of its own: they stay on the broker's class path ({@code broker-classpath.txt}, written by
 * the build), never on MailTrail's; and a process can be killed with SIGKILL, as a crash does.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** What the broker logs once it serves clients, after its metadata has caught up. */
    private static final String STARTED = "Kafka Server started";

    /** The heap of a lone broker: a small one leaves room for the tests and the other processes of the machine. */
    private static final String SINGLE_NODE_HEAP = "512m";

    private final Path dir;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    /** {@code controller.quorum.voters} of a cluster, or null for a node that is the whole quorum by itself. */
    private final String voters;

    private final String clusterId;
    private final String heap;
    private final Map<String, String> overrides;
    private Process process;
    private long launched;
    private Duration lastStartup;

    private KafkaBroker(
            Path dir,
            int nodeId,
            int port,
            int controllerPort,
            String voters,
            String clusterId,
            String heap,
            Map<String, String> overrides) {
        this.dir = dir;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.heap = heap;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * A node of a cluster, not started: {@code voters} is the static controller quorum ({@code id@host:port,…}) it
     * belongs to, {@code clusterId} the id every node's storage is formatted with.
     */
    static KafkaBroker clusterNode(
            Path dir,
            int nodeId,
            int port,
            int controllerPort,
            String voters,
            String clusterId,
            String heap,
            Map<String, String> overrides) {
        return new KafkaBroker(dir.toAbsolutePath(), nodeId, port, controllerPort, voters, clusterId, heap, overrides);
    }

    /** Starts a broker in {@code dir} (created if needed), formatting its storage on the first start. */
    public static KafkaBroker start(Path dir) {
        return start(dir, Map.of());
    }

    /**
     * Starts a broker whose {@code server.properties} end with {@code overrides} (e.g. {@code min.insync.replicas},
     * {@code log.flush.interval.messages}); later settings override the defaults written here.
     */
    public static KafkaBroker start(Path dir, Map<String, String> overrides) {
        try {
            KafkaBroker broker = new KafkaBroker(
                    dir.toAbsolutePath(), 1, freePort(), freePort(), null, clusterId(), SINGLE_NODE_HEAP, overrides);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker again on the same directory and ports, after {@link #stop()} or {@link #kill()}. */
    public void restart() {
        launch();
        awaitStarted();
    }

    /**
     * Starts the broker's process (formatting its storage first if it has none) without waiting for it to serve:
     * a node of a cluster serves only once a majority of the controller quorum runs, so a cluster launches all its
     * nodes before it waits for any.
     */
    void launch() {
        if (running()) {
            throw new IllegalStateException("the Kafka broker in " + dir + " is already running");
        }
        launched = System.nanoTime();
        try {
            Files.createDirectories(dir);
            writeConfiguration();
            if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
                format();
            }
            if (Files.exists(dir.resolve("broker.log"))) { // the earlier run's log stays for a failure message
                Files.move(
                        dir.resolve("broker.log"),
                        dir.resolve("broker.log.previous"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            process = java("kafka.Kafka", serverProperties().toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("broker.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka broker in " + dir, e);
        }
    }

    /** Waits until the launched broker serves clients; fails with its log if it exits or takes too long. */
    void awaitStarted() {
        try {
            awaitServing();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka broker in " + dir, e);
        }
        lastStartup = Duration.ofNanos(System.nanoTime() - launched);
    }

    /** {@code host:port} for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The node's {@code node.id}: 1 for a lone broker, 1..n in a cluster. */
    public int nodeId() {
        return nodeId;
    }

    public Path directory() {
        return dir;
    }

    /** Where the broker keeps its partitions and metadata ({@code log.dirs}). */
    public Path dataDirectory() {
        return dir.resolve("data");
    }

    /** How long the last (re)start took, formatting included, until the broker served clients. */
    public Duration lastStartup() {
        return lastStartup;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM: a controlled shutdown that flushes its logs), SIGKILL if it hangs. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the broker with SIGKILL, as a crash does: nothing is flushed, no shutdown runs. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The broker's log and its standard output and error, for failure messages. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String file : List.of("broker.out", "broker.log")) {
            Path path = dir.resolve(file);
            try {
                if (Files.exists(path)) {
                    out.append("--- ").append(path).append('\n').append(Files.readString(path));
                }
            } catch (IOException e) {
                out.append(e);
            }
        }
        return out.toString();
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private void writeConfiguration() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(nodeId));
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (voters == null) {
            settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        } else {
            settings.put("controller.quorum.voters", voters);
        }
        settings.put("log.dirs", dataDirectory().toString());
        // one node: the internal topics cannot have more replicas than there are brokers (a cluster overrides these)
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // a consumer group with one member need not wait for others to join
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.putAll(overrides);
        StringBuilder text = new StringBuilder();
        settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(serverProperties(), text.toString());
        Files.writeString(dir.resolve("log4j2.properties"), """
                status = warn
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = info
                rootLogger.appenderRef.file.ref = file
                logger.state.name = state.change.logger
                logger.state.level = warn
                """.formatted(dir.resolve("broker.log")));
    }

    /**
     * Formats the storage: a lone node as a cluster whose controller quorum is itself ({@code --standalone}); a
     * cluster's node with the cluster's id, its quorum being the static voters of its configuration.
     */
    private void format() throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "format",
                "--cluster-id",
                clusterId,
                "--config",
                serverProperties().toString()));
        if (voters == null) {
            arguments.add("--standalone");
        }
        Process formatting = java("kafka.tools.StorageTool", arguments.toArray(String[]::new))
                .redirectErrorStream(true)
                .start();
        String out = new String(formatting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (formatting.waitFor() != 0) {
            throw new IOException("formatting the Kafka storage in " + dataDirectory() + " failed: " + out);
        }
    }

    /** A random cluster id as Kafka writes one: 16 bytes, URL-safe Base64 without padding, not starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private ProcessBuilder java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-Xms128m",
                "-Xmx" + heap,
                "-Xshare:auto",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                BrokerClasspath.get(),
                mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    }

    private void awaitServing() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(logged(STARTED) && accepts(port))) {
            if (!process.isAlive()) {
                throw new IOException("the Kafka broker exited with status " + process.exitValue() + ": " + tail());
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IOException(
                        "the Kafka broker did not start within " + START_TIMEOUT.toSeconds() + " s: " + tail());
            }
            TimeUnit.MILLISECONDS.sleep(50); // readiness polling of a real process, not a timing assumption
        }
    }

    private boolean logged(String line) throws IOException {
        Path log = dir.resolve("broker.log");
        if (!Files.exists(log)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(line);
        }
    }

    private String tail() {
        String log = log();
        return log.length() > 4_000 ? log.substring(log.length() - 4_000) : log;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A loopback port nobody listens on now: the kernel picks it for a socket that is closed at once. Another
     * process could take it before the broker binds it; the broker then fails to start, saying so, rather than
     * sharing a port.
     */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
