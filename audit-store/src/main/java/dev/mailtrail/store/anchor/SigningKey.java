package dev.mailtrail.store.anchor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * The Ed25519 key that signs digests (decision 0021: the JDK's own Ed25519). Kept as a PKCS#8 PEM file readable by
 * its owner only; generated there at first use. The file must not live in the data directory: whoever can write
 * that directory must not be able to sign.
 */
public final class SigningKey {
    private final PrivateKey key;
    private final VerificationKey verification;

    private SigningKey(PrivateKey key, VerificationKey verification) {
        this.key = key;
        this.verification = verification;
    }

    /** Reads the key in {@code file}, or generates one there (mode 0600) when there is none. */
    public static SigningKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                return create(file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use that one
            }
        }
        return load(file);
    }

    public static SigningKey load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such key file");
        }
        byte[] der = Pem.decode(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY", file);
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(key, VerificationKey.of(publicOf(key)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + ": not an Ed25519 private key (" + e.getMessage() + ")");
        }
    }

    private static SigningKey create(Path file) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String pem = Pem.encode(pair.getPrivate().getEncoded(), "PRIVATE KEY");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return new SigningKey(pair.getPrivate(), VerificationKey.of(pair.getPublic()));
    }

    /** The JDK keeps no public half in a PKCS#8 Ed25519 key: it is derived by signing nothing and re-deriving. */
    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        EdECPrivateKey ed = (EdECPrivateKey) key;
        byte[] seed = ed.getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with a loaded Ed25519 key", e);
        }
    }

    public VerificationKey verificationKey() {
        return verification;
    }

    /** Hands the generator the stored seed, so that it derives the same key pair again. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
