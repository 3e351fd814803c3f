package dev.mailtrail.proxy.smtp.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) in an unstructured header field such as Subject. White space
 * between two adjacent encoded words is dropped (§6.2); a word that cannot be decoded (unknown charset, bad base64)
 * is left as written, so nothing the client wrote is lost. The RFC 2231 language suffix ({@code charset*lang}) is
 * ignored.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t]+(=\\?)");

    private EncodedWords() {}

    static String decode(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String text, String asWritten) {
        try {
            int star = charsetName.indexOf('*');
            Charset charset = Charset.forName(star < 0 ? charsetName : charsetName.substring(0, star));
            byte[] bytes = encoding.toUpperCase(Locale.ROOT).equals("B")
                    ? Base64.getDecoder().decode(text)
                    : quoted(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) { // unknown or illegal charset, bad base64
            return asWritten;
        }
    }

    private static byte[] quoted(String text) {
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length];
        int n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '_') {
                out[n++] = ' ';
            } else if (in[i] == '='
                    && i + 2 < in.length
                    && Character.digit(in[i + 1], 16) >= 0
                    && Character.digit(in[i + 2], 16) >= 0) {
                out[n++] = (byte) (Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
