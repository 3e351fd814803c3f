package dev.mailtrail.investigate.importer.normalise;

/**
 * A boolean as exports spell it: JSON {@code true}, or text {@code True}/{@code False} (PowerShell, Purview,
 * Sentinel), in any case.
 */
public final class BooleanText {
    private BooleanText() {}

    /** {@code TRUE} or {@code FALSE}, or null when the text is neither. */
    public static Boolean parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
