package dev.mailtrail.investigate.report;

/**
 * Text from records made safe for a terminal: control characters (an attacker's subject may hold ANSI escape
 * sequences that rewrite the screen) become {@code \u001b}-style escapes, and long text is cut with an ellipsis.
 */
final class TerminalText {
    private TerminalText() {}

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static String cut(String text, int width) {
        String safe = safe(text);
        return safe.length() <= width ? safe : safe.substring(0, Math.max(0, width - 1)) + "…";
    }
}
