package dev.mailtrail.app.webmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway Roundcube from Debian's packages ({@code roundcube-core}, {@code roundcube-plugins}) served by Debian's
 * lighttpd with {@code php-cgi} on a free port of 127.0.0.1, from a temporary directory: an installation root of
 * links into {@code /usr/share/roundcube}, its own {@code config.inc.php} (SQLite database, IMAP, submission and
 * ManageSieve hosts as given, certificates not checked, plugins {@code managesieve} and our
 * {@code mailtrail_client_ip}), nothing of {@code /etc/roundcube} changed. Tests call {@link #assumeInstalled()}
 * first and are skipped, saying what to install, only when a package is missing.
 */
public final class RoundcubeInstance implements AutoCloseable {

    private static final Path ROUNDCUBE = Path.of("/usr/share/roundcube");
    private static final Path DEFAULTS = Path.of("/etc/roundcube/defaults.inc.php");
    private static final Path LIGHTTPD = Path.of("/usr/sbin/lighttpd");
    private static final Path PHP_CGI = Path.of("/usr/bin/php-cgi");
    private static final String INSTALL =
            "apt-get install roundcube-core roundcube-plugins roundcube-sqlite3 php-sqlite3 php-cgi lighttpd";

    /** Where Roundcube finds its mail servers, in its own {@code host:port} notation ({@code ssl://}, {@code tls://}). */
    public record MailHosts(String imap, String smtp, String managesieve) {}

    private final Path dir;
    private final int port;
    private final Process lighttpd;

    private RoundcubeInstance(Path dir, Path clientIpPlugin, MailHosts hosts) throws IOException, InterruptedException {
        this.dir = dir;
        this.port = freePort();
        Path root = dir.resolve("root");
        for (String sub : List.of("plugins", "config", "temp", "logs", "db", "public_html/program")) {
            Files.createDirectories(root.resolve(sub));
        }
        for (String shared : List.of("index.php", "program", "SQL", "skins")) {
            Files.createSymbolicLink(root.resolve(shared), ROUNDCUBE.resolve(shared));
        }
        // Plugins load from the installation root; the packaged ones (managesieve needs jqueryui) sit beside ours.
        try (Stream<Path> plugins = Files.list(ROUNDCUBE.resolve("plugins"))) {
            for (Path plugin : plugins.toList()) {
                Files.createSymbolicLink(root.resolve("plugins").resolve(plugin.getFileName()), plugin);
            }
        }
        Files.createSymbolicLink(root.resolve("plugins").resolve(clientIpPlugin.getFileName()), clientIpPlugin);
        Path web = root.resolve("public_html");
        // Debian's public_html/index.php: the installation root is the directory above the document root.
        Files.writeString(web.resolve("index.php"), """
                <?php
                define('INSTALL_PATH', realpath(__DIR__ . '/..') . '/');
                include INSTALL_PATH . 'index.php';
                """);
        Files.createSymbolicLink(web.resolve("plugins"), Path.of("../plugins"));
        Files.createSymbolicLink(web.resolve("skins"), Path.of("../skins"));
        Files.createSymbolicLink(web.resolve("program/js"), Path.of("../../program/js"));
        Files.createSymbolicLink(web.resolve("program/resources"), Path.of("../../program/resources"));
        Files.createSymbolicLink(root.resolve("config/defaults.inc.php"), DEFAULTS);
        Files.writeString(root.resolve("config/config.inc.php"), RoundcubeConfig.php(root, hosts));
        Files.writeString(dir.resolve("lighttpd.conf"), lighttpdConfiguration(root));
        this.lighttpd = new ProcessBuilder(
                        LIGHTTPD.toString(),
                        "-D",
                        "-f",
                        dir.resolve("lighttpd.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("lighttpd.out").toFile())
                .start();
        awaitListening();
    }

    /** True when Roundcube, lighttpd and php-cgi from Debian's packages are installed. */
    public static boolean installed() {
        return Files.isRegularFile(ROUNDCUBE.resolve("index.php"))
                && Files.isDirectory(ROUNDCUBE.resolve("plugins/managesieve"))
                && Files.isRegularFile(DEFAULTS)
                && Files.isExecutable(LIGHTTPD)
                && Files.isExecutable(PHP_CGI);
    }

    /** Skips the calling test, saying what to install, when a package is missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "Roundcube is not installed: " + INSTALL);
    }

    /** Serves Roundcube from {@code dir} (a fresh temporary directory) in front of {@code hosts}. */
    public static RoundcubeInstance start(Path dir, Path clientIpPlugin, MailHosts hosts) {
        assumeInstalled();
        try {
            return new RoundcubeInstance(dir, clientIpPlugin, hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String lighttpdConfiguration(Path root) {
        // php-cgi is spawned by lighttpd itself; ROUNDCUBE_CONFIG_DIR is how Debian's Roundcube takes another config.
        return """
                server.modules = ("mod_access", "mod_fastcgi")
                server.document-root = "%1$s/public_html"
                server.bind = "127.0.0.1"
                server.port = %2$d
                server.errorlog = "%3$s/lighttpd-error.log"
                server.upload-dirs = ("%1$s/temp")
                index-file.names = ("index.php")
                mimetype.assign = (".css" => "text/css", ".js" => "text/javascript", ".png" => "image/png",
                  ".svg" => "image/svg+xml", ".woff2" => "font/woff2", ".woff" => "font/woff",
                  ".gif" => "image/gif", ".ico" => "image/x-icon", ".html" => "text/html")
                fastcgi.server = (".php" => ((
                  "bin-path" => "%4$s",
                  "socket" => "%3$s/php.socket",
                  "max-procs" => 1,
                  "bin-environment" => ("PHP_FCGI_CHILDREN" => "4", "ROUNDCUBE_CONFIG_DIR" => "%1$s/config"),
                  "broken-scriptfilename" => "enable"
                )))
                """.formatted(root, port, dir, PHP_CGI);
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!accepts(port)) {
            if (!lighttpd.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("lighttpd did not start: " + log());
            }
            TimeUnit.MILLISECONDS.sleep(20); // readiness polling of a real process, not a timing assumption
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Roundcube's address, as a browser on this machine reaches it. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** lighttpd's output and Roundcube's error log, for failure messages. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (Path f : List.of(
                dir.resolve("lighttpd.out"), dir.resolve("lighttpd-error.log"), dir.resolve("root/logs/errors.log"))) {
            try {
                if (Files.exists(f)) {
                    out.append(f.getFileName()).append(":\n").append(Files.readString(f));
                }
            } catch (IOException e) {
                out.append(e);
            }
        }
        return out.toString();
    }

    /** Stops lighttpd and the php-cgi processes it spawned. */
    @Override
    public void close() {
        List<ProcessHandle> children = lighttpd.descendants().toList();
        lighttpd.destroy();
        try {
            if (!lighttpd.waitFor(5, TimeUnit.SECONDS)) {
                lighttpd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy);
    }
}
