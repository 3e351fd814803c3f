package dev.mailtrail.proxy.postfix;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import dev.mailtrail.proxy.dovecot.TestCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway Postfix (the Debian package's {@code /usr/sbin/postfix}) run in the foreground from a generated
 * configuration directory ({@code postfix -c DIR start-fg}) with its own queue and data directories: a submission
 * service on a free loopback port, SASL through the given Dovecot's auth socket (users alice, bob, carol), sender
 * checks by {@code smtpd_sender_login_maps} with {@code reject_sender_login_mismatch} (bob may use alice's address,
 * carol may not), XCLIENT allowed from the loopback network, and every accepted message discarded. Recipient
 * {@link #REFUSED_RECIPIENT} is refused; a message whose Subject contains {@link #REFUSED_SUBJECT} is refused after
 * DATA; STARTTLS is offered with a certificate of its own; one whose Subject contains {@link #HELD_SUBJECT} stays in the hold queue, where {@link #heldMessage} reads it.
 * Needs root (Postfix's master runs as root); tests are skipped, saying what to install, when Postfix is missing.
 */
public final class PostfixInstance implements AutoCloseable {

    public static final String DOMAIN = "mailtrail.test";
    public static final String REFUSED_RECIPIENT = "refused@" + DOMAIN;
    public static final String REFUSED_SUBJECT = "REJECTME";
    public static final String HELD_SUBJECT = "HOLDME";
    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

    private final Path dir;
    private final int port;
    private final TestCertificate certificate;
    private final Process process;

    private PostfixInstance(Path dir, DovecotInstance dovecot) throws IOException, InterruptedException {
        this.dir = dir;
        this.port = freePort();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        searchableUpTo(dir.getParent());
        Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("data"));
        run("chown", "postfix", data.toString());
        this.certificate = TestCertificate.create(Files.createDirectories(dir.resolve("tls")));
        Files.writeString(
                dir.resolve("header_checks"),
                "/^Subject:.*" + REFUSED_SUBJECT + "/ REJECT message content refused\n" + "/^Subject:.*" + HELD_SUBJECT
                        + "/ HOLD kept for the test\n");
        Files.writeString(dir.resolve("main.cf"), mainCf(dovecot));
        Files.writeString(dir.resolve("master.cf"), masterCf());
        this.process = new ProcessBuilder(POSTFIX.toString(), "-c", dir.toString(), "start-fg")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("postfix.log").toFile()))
                .start();
        awaitListening();
    }

    /** True when the Debian Postfix package is installed and this user may run it. */
    public static boolean installed() {
        return Files.isExecutable(POSTFIX) && "root".equals(System.getProperty("user.name"));
    }

    /** Skips the calling test, saying what to install, when Postfix is not installed (or cannot be run). */
    public static void assumeInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed(), "Postfix is not installed (apt-get install postfix), or these tests do not run as root");
    }

    /** Starts an instance in {@code dir} (a fresh temporary directory) authenticating against {@code dovecot}. */
    public static PostfixInstance start(Path dir, DovecotInstance dovecot) {
        assumeInstalled();
        try {
            return new PostfixInstance(dir, dovecot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String mainCf(DovecotInstance dovecot) {
        return """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                command_directory = /usr/sbin
                daemon_directory = /usr/lib/postfix/sbin
                meta_directory = /etc/postfix
                shlib_directory = /usr/lib/postfix
                mail_owner = postfix
                setgid_group = postdrop
                maillog_file = /dev/stdout
                syslog_name = postfix-mailtrail-%2$d
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                myhostname = mail.%3$s
                mydomain = %3$s
                mydestination =
                mynetworks = 192.0.2.1/32
                alias_maps =
                alias_database =
                biff = no
                default_transport = discard
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = %4$s
                smtpd_sasl_auth_enable = yes
                smtpd_authorized_xclient_hosts = 127.0.0.0/8
                smtpd_sender_login_maps = inline:{ {alice@%3$s = alice bob}, bob@%3$s=bob, carol@%3$s=carol }
                smtpd_sender_restrictions = reject_sender_login_mismatch
                smtpd_relay_restrictions = permit_sasl_authenticated, reject
                smtpd_recipient_restrictions = check_recipient_access inline:{ {%5$s = REJECT no such user} }, permit_sasl_authenticated, reject
                header_checks = regexp:%1$s/header_checks
                smtpd_tls_security_level = may
                smtpd_tls_chain_files = %6$s, %7$s
                smtpd_tls_loglevel = 1
                """.formatted(
                        dir,
                        port,
                        DOMAIN,
                        dovecot.authClientSocket(),
                        REFUSED_RECIPIENT,
                        certificate.key(),
                        certificate.certificate());
    }

    private String masterCf() {
        return """
                127.0.0.1:%d inet n - n - - smtpd
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """.formatted(port);
    }

    /** Postfix's daemons run as {@code postfix} and must reach the files: temporary directories are private. */
    private static void searchableUpTo(Path from) throws IOException {
        for (Path p = from; p != null && !p.equals(Path.of("/tmp")) && p.getNameCount() > 1; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Postfix did not start: " + log());
            }
            TimeUnit.MILLISECONDS.sleep(50); // readiness polling of a real process, not a timing assumption
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

    /** The certificate the submission service offers with STARTTLS ({@code localhost}, 127.0.0.1). */
    public TestCertificate certificate() {
        return certificate;
    }

    /** The submission service's port. */
    public int port() {
        return port;
    }

    /** Postfix's log (its standard output), for assertions and failure messages. */
    public String log() {
        try {
            Path p = dir.resolve("postfix.log");
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A message in the hold queue as Postfix stored it, header and body ({@code postcat -hb}), lines ending LF. */
    public String heldMessage(String queueId) {
        try {
            return run("/usr/sbin/postcat", "-c", dir.toString(), "-hb", "-q", queueId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 20 s) until Postfix has logged {@code text}: its log is written by its own process, later. */
    public String awaitLog(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String log;
        while (!(log = log()).contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Postfix did not log " + text + ":\n" + log);
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling a real process's log, not a timing assumption
        }
        return log;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops Postfix ({@code postfix stop}, then the foreground master is ended if it is still there). */
    @Override
    public void close() {
        try {
            run(POSTFIX.toString(), "-c", dir.toString(), "stop");
        } catch (IOException e) {
            // the master may already be gone; it is ended below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
