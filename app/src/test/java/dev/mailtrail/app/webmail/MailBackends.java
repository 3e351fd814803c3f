package dev.mailtrail.app.webmail;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mail servers behind the webmail: a throwaway Dovecot that also speaks ManageSieve (Pigeonhole) and lends its
 * {@code auth-client} socket to a throwaway Postfix for submission, as on a Debian mail host.
 */
public final class MailBackends implements AutoCloseable {

    private final DovecotInstance dovecot;
    private final int managesievePort;
    private final PostfixInstance postfix;

    private MailBackends(DovecotInstance dovecot, int managesievePort, PostfixInstance postfix) {
        this.dovecot = dovecot;
        this.managesievePort = managesievePort;
        this.postfix = postfix;
    }

    /** Starts both under {@code dir}; skipped, saying what is missing, where they cannot run. */
    public static MailBackends start(Path dir) {
        DovecotInstance.assumeInstalled();
        PostfixInstance.assumeUsable();
        try {
            int sieve = freePort();
            DovecotInstance dovecot =
                    DovecotInstance.start(Files.createDirectories(dir.resolve("dovecot")), null, """
                            protocols = $protocols sieve
                            service managesieve-login {
                              inet_listener sieve {
                                address = 127.0.0.1
                                port = %d
                              }
                            }
                            service auth {
                              unix_listener auth-client {
                                mode = 0666
                              }
                            }
                            plugin {
                              sieve = file:~/sieve;active=~/.dovecot.sieve
                            }
                            """.formatted(sieve));
            try {
                PostfixInstance postfix = PostfixInstance.start(
                        Files.createDirectories(dir.resolve("postfix")),
                        dovecot.directory().resolve("run/auth-client"));
                return new MailBackends(dovecot, sieve, postfix);
            } catch (RuntimeException e) {
                dovecot.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public DovecotInstance dovecot() {
        return dovecot;
    }

    public int imapPort() {
        return dovecot.imapPort();
    }

    public int managesievePort() {
        return managesievePort;
    }

    public int submissionPort() {
        return postfix.submissionPort();
    }

    public PostfixInstance postfix() {
        return postfix;
    }

    /** The Sieve script Roundcube stored for {@code user} and made active, or "" if none. */
    public String activeSieveScript(String user) throws IOException {
        Path active = dovecot.directory().resolve("mail").resolve(user).resolve(".dovecot.sieve");
        return Files.exists(active) ? Files.readString(active) : "";
    }

    /** Both logs, for failure messages. */
    public String log() {
        return dovecot.log() + "\n" + postfix.log();
    }

    @Override
    public void close() {
        try {
            postfix.close();
        } finally {
            dovecot.close();
        }
    }
}
