package dev.mailtrail.core.text;

/**
 * A value from a client or a file (a user name, a folder, a client ID, a subject, a command) as one printable,
 * bounded piece of a log line. CR, LF and the other control characters, ESC, DEL, the C1 controls, the Unicode line
 * and paragraph separators and unpaired surrogates (what invalid UTF-8 or a cut character leaves) are written as
 * {@code \r}, {@code \n}, {@code \x1b}, {@code \u2028}: a value can neither start a forged line (which fail2ban
 * would believe) nor drive the terminal that shows the log. Long values are cut, saying so.
 */
public final class LogText {

    /** Enough for any real user name, folder or client ID; a flood of text is the client's, not the log's. */
    public static final int MAX_CHARS = 256;

    private LogText() {}

    /** {@code value} escaped and cut at {@link #MAX_CHARS}; {@code null} as {@code null}. */
    public static String of(Object value) {
        return escape(value, MAX_CHARS, false);
    }

    /**
     * {@code value} between double quotes, with {@code "} and {@code \} escaped too, so that a pattern such as
     * {@code "[^"]*"} matches exactly the value whatever it holds.
     */
    public static String quoted(Object value, int maxChars) {
        return '"' + escape(value, maxChars, true) + '"';
    }

    /** {@code value} escaped and cut at {@code maxChars} characters of the original (then {@code ...}). */
    public static String escape(Object value, int maxChars, boolean quoting) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder b = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        int end = Math.min(text.length(), maxChars);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else {
                append(b, c, quoting);
            }
        }
        if (text.length() > end) {
            b.append("...");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, char c, boolean quoting) {
        switch (c) {
            case '\r' -> b.append("\\r");
            case '\n' -> b.append("\\n");
            case '\t' -> b.append("\\t");
            case '"', '\\' -> b.append(quoting ? "\\" + c : String.valueOf(c));
            default -> {
                if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                    b.append(String.format("\\x%02x", (int) c));
                } else if (c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
    }
}
