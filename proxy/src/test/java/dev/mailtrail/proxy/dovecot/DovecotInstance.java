package dev.mailtrail.proxy.dovecot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Dovecot (the Debian packages' {@code /usr/sbin/dovecot}) started from a generated configuration in a
 * temporary directory, on free loopback ports: users alice, bob and carol (password {@code Secret123}) in
 * passwd-files, a master user {@code auditor} (password {@code Master456}, separator {@code *}), the shared namespace
 * {@code Shared/%u/} with ACLs, Maildir storage seeded with {@link #seed}. The loopback network is trusted to name
 * the real client (IMAP ID {@code x-originating-ip}), as a proxy in front of Dovecot would be. Runs as the current user; under root the
 * mail is owned by {@code nobody}. Tests call {@link #assumeInstalled()} first and are skipped, with a message
 * saying what to install, only when Dovecot is missing.
 */
public final class DovecotInstance implements AutoCloseable {

    public static final String PASSWORD = "Secret123";
    public static final String MASTER = "auditor";
    public static final String MASTER_PASSWORD = "Master456";
    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    private static final Path DOVEADM = Path.of("/usr/bin/doveadm");

    private final Path dir;
    private final Path config;
    private final int imapPort;
    private final int pop3Port;
    private final int imapsPort;
    private final int pop3sPort;
    private final int sievePort;
    private final String mailUser;
    private final int uid;
    private final int gid;
    private final Process process;
    private int seeded;

    private DovecotInstance(Path dir, TestCertificate tls, boolean sieve, String extraConfiguration)
            throws IOException, InterruptedException {
        this.dir = dir;
        boolean root = "root".equals(System.getProperty("user.name"));
        this.mailUser = root ? "nobody" : System.getProperty("user.name");
        this.uid = Integer.parseInt(run("id", "-u", mailUser).strip());
        this.gid = Integer.parseInt(run("id", "-g", mailUser).strip());
        String internal = root ? "dovecot" : mailUser;
        String login = root ? "dovenull" : mailUser;
        this.imapPort = freePort();
        this.pop3Port = freePort();
        this.imapsPort = tls == null ? 0 : freePort();
        this.pop3sPort = tls == null ? 0 : freePort();
        this.sievePort = sieve ? freePort() : 0;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (root) {
            searchableUpTo(dir.getParent());
        }
        for (String sub : List.of("run", "state", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        StringBuilder users = new StringBuilder();
        for (String user : List.of("alice", "bob", "carol")) {
            Path home = dir.resolve("mail").resolve(user);
            for (String folder : List.of("", ".Sent", ".Drafts", ".Trash", ".Finance")) {
                for (String d : List.of("cur", "new", "tmp")) {
                    Files.createDirectories(
                            home.resolve("Maildir").resolve(folder).resolve(d));
                }
            }
            users.append(user)
                    .append(":{PLAIN}")
                    .append(PASSWORD)
                    .append(':')
                    .append(uid)
                    .append(':')
                    .append(gid)
                    .append("::")
                    .append(home)
                    .append("::\n");
        }
        Files.writeString(dir.resolve("users"), users.toString());
        Files.writeString(dir.resolve("masters"), MASTER + ":{PLAIN}" + MASTER_PASSWORD + "\n");
        Files.writeString(dir.resolve("global-acl"), "* user=" + MASTER + " lr\n");
        this.config = dir.resolve("dovecot.conf");
        Files.writeString(
                config,
                configuration(root, internal, login, tls) + (sieve ? sieveConfiguration() : "") + extraConfiguration);
        if (root) {
            run(
                    "chown",
                    "-R",
                    uid + ":" + gid,
                    dir.resolve("mail").toString(),
                    dir.resolve("state").toString());
        }
        this.process = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile())
                .start();
        awaitListening();
    }

    /** Dovecot's unprivileged processes must reach the files: temporary directories are private by default. */
    private static void searchableUpTo(Path from) throws IOException {
        for (Path p = from; p != null && !p.equals(Path.of("/tmp")) && p.getNameCount() > 1; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }

    /** True when the Debian Dovecot packages are installed. */
    public static boolean installed() {
        return Files.isExecutable(DOVECOT) && Files.isExecutable(DOVEADM);
    }

    /** Skips the calling test, saying what to install, when Dovecot is not installed. */
    public static void assumeInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed(), "Dovecot is not installed: apt-get install dovecot-imapd dovecot-pop3d");
    }

    /** Starts a plaintext instance in {@code dir} (a fresh temporary directory). */
    public static DovecotInstance start(Path dir) {
        return start(dir, null);
    }

    /** Starts an instance that also listens with implicit TLS (IMAPS, POP3S) using {@code tls}. */
    public static DovecotInstance start(Path dir, TestCertificate tls) {
        return start(dir, tls, "");
    }

    /**
     * Starts an instance whose configuration ends with {@code extraConfiguration}: later settings override earlier
     * ones, {@code $protocols} extends the list, a section named again adds to it (e.g. ManageSieve and an
     * {@code auth-client} socket that Postfix may use).
     */
    public static DovecotInstance start(Path dir, TestCertificate tls, String extraConfiguration) {
        return start(dir, tls, false, extraConfiguration);
    }

    /**
     * Starts a plaintext instance that also runs Pigeonhole: a ManageSieve listener ({@link #sievePort()}) and the
     * Sieve plugin for delivery, scripts under {@code ~/sieve}, the active one linked from {@code ~/.dovecot.sieve}.
     */
    public static DovecotInstance startWithSieve(Path dir) {
        return startWithSieve(dir, null);
    }

    /** As {@link #startWithSieve(Path)}, with TLS ({@code tls} non-null): ManageSieve then offers STARTTLS. */
    public static DovecotInstance startWithSieve(Path dir, TestCertificate tls) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/lib/dovecot/managesieve")),
                "Pigeonhole is not installed: apt-get install dovecot-managesieved dovecot-sieve");
        return start(dir, tls, true, "");
    }

    private static DovecotInstance start(Path dir, TestCertificate tls, boolean sieve, String extraConfiguration) {
        if (!installed()) {
            assumeInstalled();
        }
        try {
            return new DovecotInstance(dir, tls, sieve, extraConfiguration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String configuration(boolean root, String internal, String login, TestCertificate tls) {
        String chroot = root ? "" : "  chroot =\n";
        // Without root, every service runs as the current user and its group; nothing may chroot.
        String unprivileged = root ? "" : "default_internal_group = " + group() + "\nservice anvil {\n  chroot =\n}\n";
        String ssl = tls == null
                ? "ssl = no\n"
                : "ssl = yes\nssl_cert = <" + tls.certificate() + "\nssl_key = <" + tls.key() + "\n";
        return """
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = mailtrail-test-%2$d
                log_path = %1$s/dovecot.log
                listen = 127.0.0.1
                login_trusted_networks = 127.0.0.0/8
                protocols = imap pop3
                %3$sdisable_plaintext_auth = no
                auth_mechanisms = plain login
                auth_master_user_separator = *
                mail_location = maildir:~/Maildir
                mail_uid = %4$d
                mail_gid = %5$d
                first_valid_uid = %4$d
                last_valid_uid = %4$d
                first_valid_gid = %5$d
                mail_plugins = acl
                default_internal_user = %6$s
                default_login_user = %7$s
                %13$s
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %8$d
                  }
                  inet_listener imaps {
                    port = %10$d
                  }
                %12$s}
                service pop3-login {
                  inet_listener pop3 {
                    address = 127.0.0.1
                    port = %9$d
                  }
                  inet_listener pop3s {
                    port = %11$d
                  }
                %12$s}
                service auth {
                  unix_listener auth-userdb {
                    mode = 0666
                  }
                  unix_listener auth-client {
                    mode = 0666
                  }
                }
                passdb {
                  driver = passwd-file
                  args = %1$s/masters
                  master = yes
                  result_success = continue
                }
                passdb {
                  driver = passwd-file
                  args = %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = %1$s/users
                }
                namespace inbox {
                  type = private
                  separator = /
                  prefix =
                  inbox = yes
                  mailbox Sent {
                    special_use = \\Sent
                    auto = subscribe
                  }
                  mailbox Drafts {
                    special_use = \\Drafts
                    auto = subscribe
                  }
                  mailbox Trash {
                    special_use = \\Trash
                    auto = subscribe
                  }
                }
                namespace shared {
                  type = shared
                  separator = /
                  prefix = Shared/%%%%u/
                  location = maildir:%%%%h/Maildir:INDEXPVT=~/Maildir/shared/%%%%u
                  subscriptions = no
                  list = children
                }
                plugin {
                  acl = vfile:%1$s/global-acl:cache_secs=1
                  acl_shared_dict = file:%1$s/state/shared-mailboxes.db
                }
                protocol imap {
                  mail_plugins = $mail_plugins imap_acl zlib imap_zlib
                }
                protocol pop3 {
                  pop3_uidl_format = %%08Xu%%08Xv
                }
                """.formatted(
                        dir,
                        ProcessHandle.current().pid() + imapPort,
                        ssl,
                        uid,
                        gid,
                        internal,
                        login,
                        imapPort,
                        pop3Port,
                        imapsPort,
                        pop3sPort,
                        chroot,
                        unprivileged);
    }

    private static String group() {
        try {
            return run("id", "-gn").strip();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot tell the current user's group", e);
        }
    }

    private void awaitListening() throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Integer> ports = new ArrayList<>(List.of(imapPort, pop3Port));
        if (sievePort != 0) {
            ports.add(sievePort);
        }
        if (imapsPort != 0) {
            ports.addAll(List.of(imapsPort, pop3sPort));
        }
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Dovecot did not start: " + log());
                }
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(20); // readiness polling of a real process, not a timing assumption
            }
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

    /** Dovecot's own output and log, for failure messages. */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String f : List.of("dovecot.out", "dovecot.log")) {
            try {
                Path p = dir.resolve(f);
                if (Files.exists(p)) {
                    out.append(Files.readString(p));
                }
            } catch (IOException e) {
                out.append(e);
            }
        }
        return out.toString();
    }

    public int imapPort() {
        return imapPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    public int imapsPort() {
        return imapsPort;
    }

    public int pop3sPort() {
        return pop3sPort;
    }

    /** The ManageSieve port; 0 unless started with {@link #startWithSieve}. */
    public int sievePort() {
        return sievePort;
    }

    /** The Pigeonhole part of the configuration, appended to the rest. */
    private String sieveConfiguration() {
        return """
                protocols = $protocols sieve
                service managesieve-login {
                  inet_listener sieve {
                    address = 127.0.0.1
                    port = %1$d
                  }
                %2$s}
                protocol lda {
                  mail_plugins = $mail_plugins sieve
                }
                plugin {
                  sieve = file:~/sieve;active=~/.dovecot.sieve
                }
                """.formatted(sievePort, "root".equals(System.getProperty("user.name")) ? "" : "  chroot =\n");
    }

    public Path directory() {
        return dir;
    }

    /** The authentication socket for SASL clients, as Postfix's {@code smtpd_sasl_type = dovecot} uses it. */
    public Path authClientSocket() {
        return dir.resolve("run").resolve("auth-client");
    }

    /**
     * Puts a message into {@code user}'s {@code folder} ("INBOX" or a folder name), unread, and returns its
     * Message-ID. Dovecot picks it up on the next access.
     */
    public String seed(String user, String folder, String subject, String body) {
        seeded++;
        String messageId = "<seed-" + seeded + "." + user + "@mailtrail.test>";
        String message = "From: Sender " + seeded + " <sender" + seeded + "@example.org>\r\n"
                + "To: " + user + "@mailtrail.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 2 Nov 2026 09:" + String.format("%02d", seeded % 60) + ":00 +0000\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + body.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
                + "\r\n";
        Path maildir = dir.resolve("mail").resolve(user).resolve("Maildir");
        Path into = folder.equalsIgnoreCase("INBOX") ? maildir : maildir.resolve("." + folder);
        Path file = into.resolve("new").resolve((1_790_000_000L + seeded) + ".M" + seeded + "P1.mailtrail");
        try {
            Files.createDirectories(into.resolve("cur"));
            Files.createDirectories(into.resolve("new"));
            Files.createDirectories(into.resolve("tmp"));
            Files.write(file, message.getBytes(StandardCharsets.UTF_8));
            if ("root".equals(System.getProperty("user.name"))) {
                run("chown", "-R", uid + ":" + gid, maildir.toString());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot seed " + file, e);
        }
        return messageId;
    }

    /** {@code doveadm acl set -u owner folder id rights…}: e.g. {@code acl("alice", "Finance", "user=bob", "lookup", "read")}. */
    public void acl(String owner, String folder, String id, String... rights) {
        List<String> cmd = new ArrayList<>(
                List.of(DOVEADM.toString(), "-c", config.toString(), "acl", "set", "-u", owner, folder, id));
        cmd.addAll(List.of(rights));
        try {
            run(cmd.toArray(String[]::new));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Freezes (SIGSTOP) or thaws (SIGCONT) Dovecot and every process it started: a server that accepts connections
     * (the kernel completes them) but answers nothing, as a hung or throttled server does.
     */
    public void freeze(boolean frozen) throws IOException, InterruptedException {
        signal(frozen ? "-STOP" : "-CONT", process.pid(), true);
        for (ProcessHandle child : process.descendants().toList()) {
            signal(frozen ? "-STOP" : "-CONT", child.pid(), false); // a login process may have ended meanwhile
        }
    }

    private static void signal(String signal, long pid, boolean required) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        kill.getInputStream().readAllBytes();
        if (kill.waitFor() != 0 && required) {
            throw new IOException("kill " + signal + " " + pid + " failed");
        }
    }

    /** Stops Dovecot (SIGTERM, then SIGKILL after five seconds). The directory is left to the test's @TempDir. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(dir.resolve("run"))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary directory goes with the test
        }
    }
}
