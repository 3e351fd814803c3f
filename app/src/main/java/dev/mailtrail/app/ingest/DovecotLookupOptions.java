package dev.mailtrail.app.ingest;

import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.tls.TlsSetupException;
import dev.mailtrail.sensor.dovecot.name.LookupItemNamer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Where {@code mt ingest --format dovecot} asks Dovecot for the Message-ID and subject of the UIDs in its events: the
 * IMAP server and a master user, as the proxy's lookup account (docs/proxy-configuration.md, "Naming every item").
 */
final class DovecotLookupOptions {
    @Option(
            names = "--lookup",
            paramLabel = "HOST:PORT",
            description = "With --format dovecot: the IMAP server to name messages from (Dovecot itself). Without it,"
                    + " items are named by UID only.")
    String server;

    @Option(names = "--lookup-tls", paramLabel = "MODE", description = "none (default), starttls or implicit.")
    String tls = "none";

    @Option(names = "--lookup-user", paramLabel = "USER", description = "The master user the lookup logs in as.")
    String user;

    @Option(
            names = "--lookup-password-file",
            paramLabel = "FILE",
            description = "A file whose first line is the lookup user's password (never on the command line).")
    Path passwordFile;

    boolean given() {
        return server != null;
    }

    /** The lookup connection these options describe; a message naming the option that is wrong otherwise. */
    LookupItemNamer open() throws IOException {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || !server.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IOException("--lookup must be HOST:PORT, not " + server);
        }
        if (user == null || passwordFile == null) {
            throw new IOException("--lookup needs --lookup-user and --lookup-password-file");
        }
        String password;
        try {
            password = Files.readAllLines(passwordFile).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new IOException("--lookup-password-file " + passwordFile + ": cannot be read");
        }
        TlsMode mode;
        try {
            mode = TlsMode.valueOf(tls.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("--lookup-tls must be none, starttls or implicit, not " + tls);
        }
        UpstreamConfig imap = new UpstreamConfig(
                        server.substring(0, colon).replaceAll("^\\[|\\]$", ""),
                        Integer.parseInt(server.substring(colon + 1)),
                        mode,
                        true,
                        null,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        false)
                .withLookup(new LookupAccount(user, password, Duration.ofSeconds(5)));
        try {
            return LookupItemNamer.connect(imap);
        } catch (TlsSetupException e) {
            throw new IOException("--lookup-tls: " + e.getMessage());
        }
    }
}
