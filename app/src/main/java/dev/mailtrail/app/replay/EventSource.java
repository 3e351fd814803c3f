package dev.mailtrail.app.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of event lines: a file, or standard input for {@code -}. Names itself as users should see it in
 * errors; refuses bytes that are not UTF-8 rather than guessing, a line at a time.
 */
public record EventSource(String name, Path path) {
    public static EventSource of(String argument) {
        return argument.equals("-") ? new EventSource("<stdin>", null) : new EventSource(argument, Path.of(argument));
    }

    /** Its lines, none longer than {@code maxLineBytes} bytes (a longer one is a bad line). */
    public EventLines open(InputStream stdin, int maxLineBytes) throws IOException {
        InputStream in = path == null ? stdin : Files.newInputStream(path);
        return new EventLines(in, maxLineBytes);
    }

    /** Why this input cannot be read, before anything is created for it; empty when it can be (or is stdin). */
    public java.util.Optional<String> unreadable() {
        if (path == null) {
            return java.util.Optional.empty();
        }
        if (!Files.exists(path)) {
            return java.util.Optional.of(name + ": no such file");
        }
        if (Files.isDirectory(path)) {
            return java.util.Optional.of(name + ": is a directory, not a file of events");
        }
        if (!Files.isReadable(path)) {
            return java.util.Optional.of(name + ": not readable (permission denied)");
        }
        return java.util.Optional.empty();
    }
}
