package dev.mailtrail.searchnode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real search node in a process of its own ({@code java -cp <engine jars> <launcher>}) on free loopback ports,
 * with its data in a directory the caller owns. {@link #close()} stops it as an operator would (SIGTERM, the node
 * flushes and shuts down); {@link #kill()} is a crash (SIGKILL). The node's output goes to {@code node.log} in the
 * data directory.
 */
public final class SearchNode implements AutoCloseable {
    private static final String READY = "MAILTRAIL-SEARCH-NODE-READY ";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final SearchEngine engine;
    private final Process process;
    private final URI baseUrl;
    private final Duration startup;

    private SearchNode(SearchEngine engine, Process process, URI baseUrl, Duration startup) {
        this.engine = engine;
        this.process = process;
        this.baseUrl = baseUrl;
        this.startup = startup;
    }

    /** Starts a node of {@code engine} with a 1 GiB heap, its data in {@code dir}, and waits until it serves. */
    public static SearchNode start(SearchEngine engine, Path dir) {
        return start(engine, dir, "1g");
    }

    /** Starts a node with the given maximum heap ({@code -Xmx}), and waits until it serves. */
    public static SearchNode start(SearchEngine engine, Path dir, String heap) {
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms" + heap,
                    "-Xmx" + heap,
                    "-XX:+UseG1GC",
                    "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                    "--enable-native-access=ALL-UNNAMED",
                    "--add-modules=jdk.incubator.vector",
                    "-cp",
                    classpath(engine),
                    engine.mainClass(),
                    dir.toAbsolutePath().toString(),
                    Integer.toString(freePort()),
                    Integer.toString(freePort())));
            long started = System.nanoTime();
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<URI> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, dir.resolve("node.log"), ready), engine + " node output");
            pump.setDaemon(true);
            pump.start();
            URI url = await(engine, process, ready, dir);
            return new SearchNode(engine, process, url, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a " + engine + " node in " + dir, e);
        }
    }

    private static URI await(SearchEngine engine, Process process, CompletableFuture<URI> ready, Path dir) {
        try {
            return ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the " + engine + " node did not become ready within " + START_TIMEOUT.toSeconds() + " s; see "
                            + dir.resolve("node.log"),
                    e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + engine + " node started", e);
        }
    }

    /** Copies the node's output to its log file and completes {@code ready} with the URL the node announces. */
    private static void pump(Process process, Path log, CompletableFuture<URI> ready) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                int at = line.indexOf(READY);
                if (at >= 0) {
                    out.flush();
                    String url = line.substring(at + READY.length()).split(" ")[0];
                    ready.complete(URI.create(url.endsWith("/") ? url : url + "/"));
                }
            }
        } catch (IOException e) {
            // the process has gone; whoever waits learns it below
        }
        ready.completeExceptionally(new IllegalStateException("the node exited with " + exitValue(process)));
    }

    private static String exitValue(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an unknown status";
        }
    }

    /** The jars of the engine (from the launcher module's classpath file) and the launcher's own classes. */
    static String classpath(SearchEngine engine) throws IOException {
        URL resource = SearchNode.class.getClassLoader().getResource(engine.classpathResource());
        if (resource == null) {
            throw new IllegalStateException(engine.classpathResource()
                    + " is not on the classpath: build the launcher module first (mvn -pl search-node-testing -am"
                    + " test-compile)");
        }
        try (var in = resource.openStream()) {
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return launcherLocation(resource, engine.classpathResource()) + java.io.File.pathSeparator + jars;
        }
    }

    private static String launcherLocation(URL resource, String name) {
        try {
            if ("jar".equals(resource.getProtocol())) {
                String jar = resource.getPath().substring(0, resource.getPath().indexOf("!/"));
                return Path.of(new URI(jar)).toString();
            }
            Path file = Path.of(resource.toURI());
            return file.getRoot()
                    .resolve(file.subpath(0, file.getNameCount() - Path.of(name).getNameCount()))
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected location of " + name + ": " + resource, e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public SearchEngine engine() {
        return engine;
    }

    /** The node's HTTP base URL, ending in a slash: {@code http://127.0.0.1:PORT/} (Solr: {@code .../solr/}). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** From starting the process to the node's announcing that it serves. */
    public Duration startup() {
        return startup;
    }

    public long pid() {
        return process.pid();
    }

    /** The node process's resident set size now, from {@code /proc}; -1 where there is no {@code /proc}. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc on this system, or the process has gone
        }
        return -1;
    }

    /** The CPU time the node process has used so far (user and system, every thread); zero where unknown. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A crash: SIGKILL, nothing flushed that the node had not made durable. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Stops the node as an operator would, and kills it if it has not stopped within a minute. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(Duration.ofMinutes(1))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
