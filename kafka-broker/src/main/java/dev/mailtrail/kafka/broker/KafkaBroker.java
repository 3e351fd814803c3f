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

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private Process process;
    private Duration lastStartup;

    private KafkaBroker(Path dir, int port, int controllerPort, Map<String, String> overrides) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
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
            KafkaBroker broker = new KafkaBroker(dir.toAbsolutePath(), freePort(), freePort(), overrides);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker again on the same directory and ports, after {@link #stop()} or {@link #kill()}. */
    public void restart() {
        if (running()) {
            throw new IllegalStateException("the Kafka broker in " + dir + " is already running");
        }
        long started = System.nanoTime();
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
            awaitStarted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Kafka broker in " + dir, e);
        }
        lastStartup = Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code host:port} for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
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
        settings.put("node.id", "1");
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        settings.put("log.dirs", dataDirectory().toString());
        // one node: the internal topics cannot have more replicas than there are brokers
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

    /** Formats the storage as a one-node cluster whose controller quorum is this node alone. */
    private void format() throws IOException, InterruptedException {
        Process formatting = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "--cluster-id",
                        clusterId(),
                        "--config",
                        serverProperties().toString(),
                        "--standalone")
                .redirectErrorStream(true)
                .start();
        String out = new String(formatting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (formatting.waitFor() != 0) {
            throw new IOException("formatting the Kafka storage in " + dataDirectory() + " failed: " + out);
        }
    }

    /** A random cluster id as Kafka writes one: 16 bytes, URL-safe Base64 without padding, not starting with '-'. */
    private static String clusterId() {
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
        // a test broker: a small heap leaves room for the tests and the other processes of a shared machine
        command.addAll(List.of(
                "-Xms128m",
                "-Xmx512m",
                "-Xshare:auto",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                BrokerClasspath.get(),
                mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    }

    private void awaitStarted() throws InterruptedException, IOException {
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
