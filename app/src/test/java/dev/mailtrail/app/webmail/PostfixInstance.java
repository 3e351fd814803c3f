package dev.mailtrail.app.webmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway Postfix (Debian's {@code postfix}) from a configuration directory of its own: one submission listener
 * on a free port of 127.0.0.1, SASL through Dovecot's {@code auth-client} socket, XCLIENT from loopback (as a
 * webmail host is trusted), and every message accepted then discarded, so nothing leaves the machine. Postfix
 * needs root (its daemons drop to the {@code postfix} user); tests are skipped otherwise, saying why.
 */
public final class PostfixInstance implements AutoCloseable {

    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");

    private final Path dir;
    private final int submissionPort;

    private PostfixInstance(Path dir, Path dovecotAuthSocket) throws IOException, InterruptedException {
        this.dir = dir;
        this.submissionPort = freePort();
        Files.createDirectories(dir.resolve("queue"));
        Files.createDirectories(dir.resolve("data"));
        run("chown", "postfix", dir.resolve("data").toString());
        Files.writeString(dir.resolve("main.cf"), mainCf(dovecotAuthSocket));
        Files.writeString(dir.resolve("master.cf"), masterCf());
        run(POSTFIX.toString(), "-c", dir.toString(), "start");
        awaitListening();
    }

    /** True when Postfix is installed and this process may start it (root). */
    public static boolean usable() {
        return Files.isExecutable(POSTFIX) && "root".equals(System.getProperty("user.name"));
    }

    /** Skips the calling test, saying what is missing, when Postfix cannot be started here. */
    public static void assumeUsable() {
        Assumptions.assumeTrue(
                usable(), "Postfix is not installed or this is not root: apt-get install postfix, run as root");
    }

    /** Starts Postfix in {@code dir} (a fresh temporary directory), authenticating through Dovecot's socket. */
    public static PostfixInstance start(Path dir, Path dovecotAuthSocket) {
        assumeUsable();
        try {
            return new PostfixInstance(dir, dovecotAuthSocket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String mainCf(Path dovecotAuthSocket) {
        return """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                mail_owner = postfix
                setgid_group = postdrop
                myhostname = mail.mailtrail.test
                mydomain = mailtrail.test
                myorigin = mailtrail.test
                mydestination =
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                mynetworks = 127.0.0.1/32
                alias_maps =
                alias_database =
                maillog_file = %1$s/postfix.log
                maillog_file_prefixes = %1$s
                default_transport = discard:not delivered by the test mail server
                local_transport = discard:not delivered by the test mail server
                relay_transport = discard:not delivered by the test mail server
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = %2$s
                smtpd_authorized_xclient_hosts = 127.0.0.0/8
                smtpd_relay_restrictions = permit_sasl_authenticated, reject
                smtpd_recipient_restrictions = permit_sasl_authenticated, reject
                """.formatted(dir, dovecotAuthSocket);
    }

    private String masterCf() {
        // No chroot: the queue and Dovecot's socket live in temporary directories.
        return """
                127.0.0.1:%d inet n - n - - smtpd
                  -o smtpd_sasl_auth_enable=yes
                pickup    unix  n - n 60 1 pickup
                cleanup   unix  n - n -  0 cleanup
                qmgr      unix  n - n 300 1 qmgr
                rewrite   unix  - - n -  - trivial-rewrite
                bounce    unix  - - n -  0 bounce
                defer     unix  - - n -  0 bounce
                trace     unix  - - n -  0 bounce
                verify    unix  - - n -  1 verify
                flush     unix  n - n 1000? 0 flush
                proxymap  unix  - - n -  - proxymap
                showq     unix  n - n -  - showq
                error     unix  - - n -  - error
                retry     unix  - - n -  - error
                discard   unix  - - n -  - discard
                anvil     unix  - - n -  1 anvil
                scache    unix  - - n -  1 scache
                postlog   unix-dgram n - n - 1 postlogd
                """.formatted(submissionPort);
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!accepts(submissionPort)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Postfix did not start: " + log());
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

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    public int submissionPort() {
        return submissionPort;
    }

    /** Postfix's log (its own file, not syslog). */
    public String log() {
        try {
            Path log = dir.resolve("postfix.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** {@code postfix stop}: the master and its daemons end; the directory goes with the test's @TempDir. */
    @Override
    public void close() {
        try {
            run(POSTFIX.toString(), "-c", dir.toString(), "stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
