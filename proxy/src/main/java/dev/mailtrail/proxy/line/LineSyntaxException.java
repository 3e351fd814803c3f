package dev.mailtrail.proxy.line;

/** Protocol input that cannot be read as a line (bare CR or LF, over its bound) or breaks a grammar. */
public class LineSyntaxException extends Exception {
    public LineSyntaxException(String reason) {
        super(reason, null, false, false);
    }
}
