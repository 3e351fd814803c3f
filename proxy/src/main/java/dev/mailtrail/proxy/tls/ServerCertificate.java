package dev.mailtrail.proxy.tls;

import dev.mailtrail.proxy.config.TlsFiles;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * The listeners' TLS context, renewed when its PEM files change, so that a certificate renewal (certbot replacing
 * the files or their symbolic links) reaches new connections without a restart, as Dovecot does on reload. Every
 * new TLS connection looks at both files (one stat each); when either changed, the pair is loaded again. A pair that
 * cannot be used (a file half written, a key that does not fit the certificate) leaves the previous context in
 * service with a warning naming the files, and is tried again when they change again. Thread-safe.
 */
public final class ServerCertificate {

    private static final System.Logger LOG = System.getLogger(ServerCertificate.class.getName());

    /** What identifies one version of a file: a renewal changes at least one of these. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
            } catch (IOException e) {
                return new Stamp(null, -1, null);
            }
        }
    }

    private record Loaded(SslContext context, Stamp certificate, Stamp key) {}

    private final TlsFiles files;
    private volatile Loaded loaded;

    private ServerCertificate(TlsFiles files, Loaded loaded) {
        this.files = files;
        this.loaded = loaded;
    }

    /** Loads the pair; a file that is missing, unreadable or unusable, or a key that does not fit, is named. */
    public static ServerCertificate load(TlsFiles files) throws TlsSetupException {
        Stamp certificate = Stamp.of(files.certificateChain());
        Stamp key = Stamp.of(files.privateKey());
        return new ServerCertificate(files, new Loaded(TlsContexts.server(files), certificate, key));
    }

    /** The context for a new connection: the files' current pair, or the last usable one. */
    public SslContext current() {
        Loaded seen = loaded;
        Stamp certificate = Stamp.of(files.certificateChain());
        Stamp key = Stamp.of(files.privateKey());
        if (certificate.equals(seen.certificate()) && key.equals(seen.key())) {
            return seen.context();
        }
        synchronized (this) {
            seen = loaded;
            if (Objects.equals(certificate, seen.certificate()) && Objects.equals(key, seen.key())) {
                return seen.context();
            }
            try {
                SslContext renewed = TlsContexts.server(files);
                loaded = new Loaded(renewed, certificate, key);
                LOG.log(
                        System.Logger.Level.INFO,
                        "TLS certificate {0} and key {1} loaded again: they changed; new connections use them",
                        files.certificateChain(),
                        files.privateKey());
                return renewed;
            } catch (TlsSetupException e) {
                loaded = new Loaded(seen.context(), certificate, key);
                LOG.log(
                        System.Logger.Level.WARNING,
                        "TLS certificate files changed but cannot be used, so connections keep the previous"
                                + " certificate until they change again: {0}",
                        e.getMessage());
                return seen.context();
            }
        }
    }
}
