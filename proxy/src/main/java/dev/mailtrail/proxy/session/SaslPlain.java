package dev.mailtrail.proxy.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The names in a SASL PLAIN message (RFC 4616: {@code authzid NUL authcid NUL passwd}). The password is never kept:
 * only the two names leave this class.
 */
public record SaslPlain(String authzid, String authcid) {

    /** Decodes a base64 PLAIN response; empty when it is not one ({@code =} stands for an empty response). */
    public static Optional<SaslPlain> decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim().equals("=") ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int first = indexOf(raw, 0);
        int second = first < 0 ? -1 : indexOf(raw, first + 1);
        Optional<SaslPlain> result = second < 0
                ? Optional.empty()
                : Optional.of(new SaslPlain(
                        new String(raw, 0, first, StandardCharsets.UTF_8),
                        new String(raw, first + 1, second - first - 1, StandardCharsets.UTF_8)));
        java.util.Arrays.fill(raw, (byte) 0);
        return result.filter(p -> !p.authcid.isEmpty());
    }

    /** Decodes a base64 line holding only a user name (SASL LOGIN's first answer). */
    public static Optional<String> decodeName(String base64) {
        try {
            String name = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
