package dev.mailtrail.proxy.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Whether a PKCS#8 PEM private key belongs to the first certificate of a PEM chain: a test message signed with the
 * key must verify with the certificate's public key. Java's key store takes any pair, so without this a renewal
 * that paired a new certificate with an old key would be found only by every client's failed handshake.
 */
final class KeyFit {
    private static final byte[] PROBE = "MailTrail key check".getBytes(StandardCharsets.US_ASCII);

    private KeyFit() {}

    /** Null when the key fits (or its kind or encoding has no check here); otherwise what does not fit. */
    static String mismatch(Path chain, Path key) {
        try {
            PublicKey certified;
            try (InputStream in = Files.newInputStream(chain)) {
                certified = ((X509Certificate)
                                CertificateFactory.getInstance("X.509").generateCertificate(in))
                        .getPublicKey();
            }
            String algorithm = signatureFor(certified.getAlgorithm());
            byte[] encoded = pkcs8(Files.readString(key, StandardCharsets.US_ASCII));
            if (algorithm == null || encoded == null) {
                return null;
            }
            PrivateKey privateKey =
                    KeyFactory.getInstance(certified.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROBE);
            return verifier.verify(signature)
                    ? null
                    : "the private key " + key + " does not belong to the certificate " + chain;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            return "cannot check that the private key " + key + " belongs to the certificate " + chain + ": "
                    + e.getMessage();
        }
    }

    private static String signatureFor(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
    }

    private static byte[] pkcs8(String pem) {
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            return null;
        }
        return Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    }
}
