package dev.mailtrail.proxy.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The proxy's server certificate: a PEM certificate chain (leaf first) and its PEM private key (PKCS#8, as {@code
 * openssl genpkey} writes it).
 */
public record TlsFiles(Path certificateChain, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
