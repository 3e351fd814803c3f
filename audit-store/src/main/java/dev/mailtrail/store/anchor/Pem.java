package dev.mailtrail.store.anchor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

/** PEM armour (RFC 7468) for the two key files. */
final class Pem {
    private Pem() {}

    static String encode(byte[] der, String label) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static byte[] decode(String pem, String label, Path source) throws IOException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(source + ": no \"" + begin + "\" block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": the " + label + " block is not base64");
        }
    }
}
