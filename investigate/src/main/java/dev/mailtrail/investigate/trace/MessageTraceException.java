package dev.mailtrail.investigate.trace;

import java.nio.file.Path;

/** A message trace that cannot be read, with the file, line and what was wrong. */
public final class MessageTraceException extends Exception {
    public MessageTraceException(Path file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
