package dev.mailtrail.app.demo;

/** The demo could not start; the message says what and why, for the user. */
public final class DemoStartException extends Exception {
    public DemoStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
