package dev.mailtrail.core.cmdlet;

/** A cmdlet line that was read but refused; the message is the error the administrator sees. */
public final class CmdletException extends Exception {
    public CmdletException(String message) {
        super(message);
    }
}
