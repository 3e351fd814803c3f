package dev.mailtrail.demo.dovecot;

import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.LoopbackPort;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.corpus.SeedMessage;
import dev.mailtrail.demo.greenmail.GreenMailSmtp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Dovecot started for one run from a generated configuration in a fresh work directory, in the foreground as
 * a child process, and removed with its mail when closed. Users: the demo's mailbox owners (and any other owner
 * in the corpus) with password {@code demo}; master user {@link DemoUsers#ADMIN}; alice's Finance shared with
 * bob (read).
 */
public final class DovecotDemoServer implements DemoMailServer {
    /** Where Debian's dovecot-core package puts the server. */
    public static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    /** Pigeonhole's ManageSieve server, from Debian's dovecot-managesieved package. */
    public static final Path MANAGESIEVE = Path.of("/usr/lib/dovecot/managesieve");

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final DovecotConfig config;
    private final Process process;
    private final String version;
    private GreenMailSmtp smtp;

    private DovecotDemoServer(DovecotConfig config, Process process, String version) {
        this.config = config;
        this.process = process;
        this.version = version;
    }

    /**
     * Starts it with an SMTP server beside it for the demo's submission listener: GreenMail's SMTP alone, since
     * Dovecot has none and Postfix would need root (decision 0015).
     */
    public static DovecotDemoServer startWithSmtp(int imapPort, int pop3Port, List<SeedMessage> corpus) {
        return startWithSmtp(imapPort, pop3Port, corpus, null);
    }

    /** As {@link #startWithSmtp(int, int, List)}, its events posted by {@code exporter} (null: none). */
    public static DovecotDemoServer startWithSmtp(
            int imapPort, int pop3Port, List<SeedMessage> corpus, EventExporter exporter) {
        DovecotDemoServer server = start(imapPort, pop3Port, corpus, exporter);
        try {
            server.smtp = GreenMailSmtp.start(HOST);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Generates a configuration, seeds the mail and starts Dovecot; returns once it greets on IMAP.
     *
     * @param imapPort the IMAP port on 127.0.0.1, 0 for any free one
     * @param pop3Port the POP3 port on 127.0.0.1, 0 for any free one
     * @throws IllegalStateException when Dovecot is not installed, a port is taken or it does not start (with
     *     the end of its log)
     */
    public static DovecotDemoServer start(int imapPort, int pop3Port, List<SeedMessage> corpus) {
        return start(imapPort, pop3Port, corpus, null);
    }

    /** As {@link #start(int, int, List)}, its events posted by {@code exporter} (null: none). */
    public static DovecotDemoServer start(
            int imapPort, int pop3Port, List<SeedMessage> corpus, EventExporter exporter) {
        if (!Files.isExecutable(DOVECOT)) {
            throw new IllegalStateException(
                    "--backend dovecot needs Dovecot at " + DOVECOT + ": apt-get install dovecot-imapd dovecot-pop3d");
        }
        LoopbackPort.requireFree(HOST, imapPort, "Dovecot's IMAP");
        LoopbackPort.requireFree(HOST, pop3Port, "Dovecot's POP3");
        Path work = null;
        try {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            LeftoverDovecots.clean(temporary).forEach(line -> System.err.println("mt: " + line));
            work = Files.createTempDirectory(LeftoverDovecots.PREFIX);
            // Dovecot's processes run as another account when started as root: they must reach the work tree.
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            MailOwner owner = MailOwner.of(work);
            DovecotConfig config = new DovecotConfig(
                    work,
                    owner,
                    imapPort == 0 ? LoopbackPort.anyFree(HOST) : imapPort,
                    pop3Port == 0 ? LoopbackPort.anyFree(HOST) : pop3Port,
                    Files.isExecutable(MANAGESIEVE) ? LoopbackPort.anyFree(HOST) : 0,
                    exporter);
            writeFiles(config, corpus);
            Process process = new ProcessBuilder(
                            DOVECOT.toString(), "-F", "-c", config.configFile().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("dovecot.out").toFile())
                    .start();
            LeftoverDovecots.mark(work, process.toHandle());
            DovecotDemoServer server = new DovecotDemoServer(config, process, version());
            server.awaitGreeting();
            return server;
        } catch (IOException e) {
            deleteQuietly(work);
            throw new UncheckedIOException("starting Dovecot in " + work, e);
        } catch (RuntimeException e) {
            deleteQuietly(work);
            throw e;
        }
    }

    private static void writeFiles(DovecotConfig config, List<SeedMessage> corpus) throws IOException {
        Files.createDirectories(config.runDirectory());
        Files.createDirectories(config.workDirectory().resolve("state"));
        Files.createDirectories(config.mailRoot());
        List<String> users = users(corpus);
        StringBuilder passwd = new StringBuilder();
        for (String user : users) {
            passwd.append(user).append(":{PLAIN}").append(DemoUsers.PASSWORD).append("::::::\n");
        }
        Files.writeString(config.usersFile(), passwd, StandardCharsets.UTF_8);
        Files.writeString(
                config.mastersFile(),
                DemoUsers.ADMIN + ":{PLAIN}" + DemoUsers.PASSWORD + "::::::\n",
                StandardCharsets.UTF_8);
        Files.writeString(config.configFile(), config.render(), StandardCharsets.UTF_8);
        Files.writeString(config.globalAclFile(), config.globalAcl(), StandardCharsets.UTF_8);
        // Dovecot's auth and mail processes run as another account when started as root, and ./mt runs with umask
        // 077: they must read the users (the demo password, printed in the banner anyway) and the global ACL
        for (Path shared : List.of(config.usersFile(), config.mastersFile(), config.globalAclFile())) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        }
        if (config.exporter() != null) {
            // the exporter's URL carries the sensor token: the configuration is the owner's alone, whatever the umask
            Files.setPosixFilePermissions(config.configFile(), PosixFilePermissions.fromString("rw-------"));
            Files.copy(config.exporter().trustedCertificate(), config.exporterCaFile());
            // read by Dovecot's stats process, which runs as an unprivileged user
            Files.setPosixFilePermissions(config.exporterCaFile(), PosixFilePermissions.fromString("rw-r--r--"));
        }
        MaildirSeeder.seed(config.mailRoot(), users, List.of("Trash"), corpus);
        if (users.contains(DemoUsers.ALICE) && users.contains(DemoUsers.BOB)) {
            MaildirSeeder.share(
                    config.mailRoot(),
                    config.sharedDictionary(),
                    DemoUsers.ALICE,
                    DemoCorpus.FINANCE,
                    DemoUsers.BOB,
                    "lr");
        }
        config.owner().takeOwnership(config.mailRoot());
    }

    private static List<String> users(List<SeedMessage> corpus) {
        Set<String> users = new LinkedHashSet<>(DemoUsers.mailboxOwners());
        corpus.forEach(message -> users.add(message.owner()));
        return new ArrayList<>(users);
    }

    private void awaitGreeting() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Dovecot stopped at start (exit " + process.exitValue() + "): " + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, config.imapPort()), 1000);
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] greeting = new byte[5];
                if (in.readNBytes(greeting, 0, 5) == 5
                        && new String(greeting, StandardCharsets.US_ASCII).equals("* OK ")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("Dovecot did not greet on " + HOST + ":" + config.imapPort() + " within "
                + START_TIMEOUT.toSeconds() + " s (" + last + "): " + logTail());
    }

    private String logTail() {
        List<String> lines = new ArrayList<>();
        for (Path log : List.of(config.workDirectory().resolve("dovecot.out"), config.logFile())) {
            try {
                if (Files.exists(log)) {
                    lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                lines.add("(" + log + " unreadable: " + e.getMessage() + ")");
            }
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static String version() throws IOException {
        Process version = new ProcessBuilder(DOVECOT.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        try (InputStream out = version.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "?" : text.split(" ")[0];
        }
    }

    /** The directory holding this run's configuration, mail and logs, removed by {@link #close}. */
    public Path workDirectory() {
        return config.workDirectory();
    }

    /** The generated {@code dovecot.conf}, for a user who wants to see the exporter's lines. */
    public Path configFile() {
        return config.configFile();
    }

    /** The process's id, for reporting its memory in benchmarks. */
    public long pid() {
        return process.pid();
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int imapPort() {
        return config.imapPort();
    }

    @Override
    public int pop3Port() {
        return config.pop3Port();
    }

    /** GreenMail's SMTP beside it when started by {@link #startWithSmtp}; else 0. */
    @Override
    public int smtpPort() {
        return smtp == null ? 0 : smtp.port();
    }

    /** Pigeonhole's ManageSieve; 0 when dovecot-managesieved is not installed. */
    @Override
    public int manageSievePort() {
        return config.manageSievePort();
    }

    @Override
    public String description() {
        return "Dovecot " + version + " (throwaway, in " + config.workDirectory() + ")";
    }

    @Override
    public boolean sharesFolders() {
        return true;
    }

    /** The shared namespace's prefix, e.g. {@code shared/}: bob opens {@code shared/alice@demo.test/Finance}. */
    public String sharedPrefix() {
        return DovecotConfig.SHARED_PREFIX;
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly(config.workDirectory());
    }

    static void deleteQuietly(Path tree) {
        if (tree == null || !Files.exists(tree)) {
            return;
        }
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary directory is harmless; say where it is rather than fail the shutdown.
            System.err.println("mt: could not remove Dovecot's work directory " + tree + ": " + e.getMessage());
        }
    }
}
