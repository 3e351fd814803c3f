package dev.mailtrail.store.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the previous link's hash and a record's stored bytes; a chain starts from its name's hash. */
public final class ChainHash {
    private ChainHash() {}

    /** The hash a chain's first record links to: a chain cannot be passed off as another one. */
    public static byte[] genesis(String chain) {
        return digest().digest(("mailtrail-chain:" + chain).getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] link(byte[] previous, byte[] record) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(record);
        return digest.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
