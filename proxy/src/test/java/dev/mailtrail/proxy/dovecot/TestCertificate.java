package dev.mailtrail.proxy.dovecot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A self-signed certificate for {@code localhost} and 127.0.0.1 with its PKCS#8 key, made by {@code openssl} in
 * {@code dir}: PEM files, as an administrator would configure them.
 */
public record TestCertificate(Path certificate, Path key) {

    public static TestCertificate create(Path dir) {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        try {
            Process p = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-days",
                            "2",
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=DNS:localhost,IP:127.0.0.1",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("openssl failed: " + out);
            }
            key.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new IllegalStateException("openssl is needed to make a test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new TestCertificate(cert, key);
    }
}
