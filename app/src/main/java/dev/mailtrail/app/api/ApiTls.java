package dev.mailtrail.app.api;

import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.tls.TlsContexts;
import dev.mailtrail.proxy.tls.TlsSetupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The API's TLS: the proxy's certificate and key ({@code [tls]}), loaded again when either file changes, as the
 * proxy's listeners do ({@code ServerCertificate}): every new connection looks at both files (one stat each); a pair
 * that cannot be used leaves the previous one in service with a warning, and is tried again when the files change.
 */
final class ApiTls {
    private static final System.Logger LOG = System.getLogger(ApiTls.class.getName());
    private static final char[] STORE_PASSWORD = "mailtrail".toCharArray();

    private record Stamp(Object modified, long size, Object key) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
            } catch (IOException e) {
                return new Stamp(null, -1, null);
            }
        }
    }

    private final TlsFiles files;
    private final SslContextFactory.Server factory = new SslContextFactory.Server();
    private volatile List<Stamp> loaded;

    ApiTls(TlsFiles files) throws TlsSetupException {
        this.files = files;
        this.loaded = stamps();
        factory.setKeyStore(keyStore(files));
        factory.setKeyStorePassword(new String(STORE_PASSWORD));
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        factory.setSniRequired(false);
    }

    SslContextFactory.Server factory() {
        return factory;
    }

    /** Loads the pair again when a file changed since the last look. */
    void refresh() {
        List<Stamp> now = stamps();
        if (now.equals(loaded)) {
            return;
        }
        synchronized (this) {
            if (now.equals(loaded)) {
                return;
            }
            loaded = now;
            try {
                KeyStore renewed = keyStore(files);
                factory.reload(f -> f.setKeyStore(renewed));
                LOG.log(System.Logger.Level.INFO, "API TLS certificate {0} loaded again", files.certificateChain());
            } catch (Exception e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "API TLS certificate files changed but cannot be used; the previous certificate stays: {0}",
                        e.getMessage());
            }
        }
    }

    private List<Stamp> stamps() {
        return List.of(Stamp.of(files.certificateChain()), Stamp.of(files.privateKey()));
    }

    /** The pair as a key store; checked first as the proxy checks it (readable, PEM, the key fits). */
    static KeyStore keyStore(TlsFiles files) throws TlsSetupException {
        TlsContexts.server(files);
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(files.certificateChain())) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            String pem = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
            String algorithm =
                    Objects.requireNonNull(chain.getFirst().getPublicKey().getAlgorithm());
            PrivateKey key = KeyFactory.getInstance(algorithm.equals("EdDSA") ? "Ed25519" : algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("mailtrail", key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsSetupException("cannot use certificate " + files.certificateChain() + " with key "
                    + files.privateKey() + " for the API: " + e.getMessage());
        }
    }
}
