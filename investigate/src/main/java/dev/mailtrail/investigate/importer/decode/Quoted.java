package dev.mailtrail.investigate.importer.decode;

/** A value as a reason quotes it: in double quotes, cut after a limit so a rejects file stays readable. */
public final class Quoted {
    private static final int LIMIT = 80;

    private Quoted() {}

    public static String of(String text) {
        return text.length() <= LIMIT
                ? '"' + text + '"'
                : '"' + text.substring(0, LIMIT) + "…\" (" + text.length() + " characters)";
    }
}
