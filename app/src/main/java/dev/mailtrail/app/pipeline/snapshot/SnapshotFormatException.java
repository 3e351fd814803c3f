package dev.mailtrail.app.pipeline.snapshot;

/** A snapshot that cannot be taken up: damaged, cut short, or of a form this version does not know. */
public final class SnapshotFormatException extends Exception {
    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
