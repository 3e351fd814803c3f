package dev.mailtrail.app.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * A bearer token for a sensor or a script, stored as its id and the SHA-256 of its secret: the secret itself is shown
 * once, when made. A token is {@code mt_ID_SECRET} with 256 random bits of secret, so a fast hash is enough (no
 * password to guess), and the id finds the entry without comparing against every one.
 */
public record ApiToken(String name, String id, String secretSha256, Set<Role> roles, ManagementScope scope) {
    public ApiToken {
        roles = Set.copyOf(roles);
    }

    /** A new token and the text to hand to its user (shown once). */
    public record Issued(ApiToken token, String bearer) {}

    public static Issued issue(String name, Set<Role> roles, ManagementScope scope, SecureRandom random) {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String idText = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued(
                new ApiToken(name, idText, sha256(secretText), roles, scope), "mt_" + idText + "_" + secretText);
    }

    /** The id of a bearer text, or null when it is not one of MailTrail's tokens. */
    static String idOf(String bearer) {
        if (!bearer.startsWith("mt_") || bearer.length() < 17 || bearer.charAt(15) != '_') {
            return null;
        }
        return bearer.substring(3, 15);
    }

    boolean matches(String bearer) {
        byte[] expected = secretSha256.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = sha256(bearer.substring(16)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    public Principal principal() {
        return new Principal(name, Principal.Kind.TOKEN, roles, scope);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
