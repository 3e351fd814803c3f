package dev.mailtrail.bench.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy in plain TCP mode in front of the bench's Dovecot: a relay that parses nothing and audits nothing, written
 * in C, so the bench can show what any proxy costs on the machine it runs on (one more pair of socket reads and
 * writes per message, sharing the same cores). Debian's {@code haproxy} package; optional.
 */
public final class HaproxyRelay implements AutoCloseable {

    private final Process process;
    private final Path config;
    private final int port;
    private final String version;

    private HaproxyRelay(Process process, Path config, int port, String version) {
        this.process = process;
        this.config = config;
        this.port = port;
        this.version = version;
    }

    /** The haproxy executable on the PATH or in /usr/sbin, if installed. */
    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "haproxy"))) {
                return Optional.of(Path.of(dir, "haproxy"));
            }
        }
        return Optional.empty();
    }

    /** Starts HAProxy relaying a free loopback port to {@code host:upstreamPort}; waits until it accepts. */
    public static HaproxyRelay start(Path executable, String host, int upstreamPort) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            port = probe.getLocalPort();
        }
        Path config = Files.createTempFile("mailtrail-bench-haproxy-", ".cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "global",
                        "  maxconn 4096",
                        "defaults",
                        "  mode tcp",
                        "  timeout connect 5s",
                        "  timeout client 1h",
                        "  timeout server 1h",
                        "listen imap",
                        "  bind " + host + ":" + port,
                        "  server dovecot " + host + ":" + upstreamPort,
                        ""));
        String version = versionOf(executable);
        Process process = new ProcessBuilder(executable.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        HaproxyRelay relay = new HaproxyRelay(process, config, port, version);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return relay;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    relay.close();
                    throw new IOException("haproxy did not start listening on " + host + ":" + port
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
                }
                sleep();
            }
        }
    }

    public int port() {
        return port;
    }

    /** HAProxy's process, whose CPU time is the relay's (with {@code -db} it stays one process, its threads in it). */
    public long pid() {
        return process.pid();
    }

    /** {@code HAProxy 2.6.12-…}, for the bench's heading. */
    public String version() {
        return version;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(config);
    }

    private static String versionOf(Path executable) throws IOException {
        Process process = new ProcessBuilder(executable.toString(), "-v")
                .redirectErrorStream(true)
                .start();
        String first = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("HAProxy");
        int cut = first.indexOf(" 20");
        return cut > 0 ? first.substring(0, cut) : first;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
