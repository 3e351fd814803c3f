package dev.mailtrail.store.anchor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/** The public half of the signing key, as an X.509 SubjectPublicKeyInfo PEM ("PUBLIC KEY") anyone may hold. */
public final class VerificationKey {
    private final PublicKey key;

    private VerificationKey(PublicKey key) {
        this.key = key;
    }

    static VerificationKey of(PublicKey key) {
        return new VerificationKey(key);
    }

    public static VerificationKey read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such key file");
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file);
    }

    public static VerificationKey parse(String pem, Path source) throws IOException {
        byte[] der = Pem.decode(pem, "PUBLIC KEY", source);
        try {
            return new VerificationKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IOException(source + ": not an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(data);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the key's DER form, hex: named in every digest. */
    public String id() {
        return HexFormat.of().formatHex(DigestFile.hash(key.getEncoded()));
    }

    public String pem() {
        return Pem.encode(key.getEncoded(), "PUBLIC KEY");
    }
}
