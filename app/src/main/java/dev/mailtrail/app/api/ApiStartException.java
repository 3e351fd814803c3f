package dev.mailtrail.app.api;

/** The API could not start: its address is taken or its certificate cannot be used; the message says which. */
public final class ApiStartException extends Exception {
    public ApiStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
