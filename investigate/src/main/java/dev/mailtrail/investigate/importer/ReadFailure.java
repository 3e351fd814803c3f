package dev.mailtrail.investigate.importer;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

/** Why a file could not be read, as a person reads it: no Java exception's name, the library's detail kept. */
final class ReadFailure {
    private ReadFailure() {}

    static String describe(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && wraps(cause)) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null
                ? ""
                : cause.getMessage().replaceAll("\\b(?:java|javax|sun)\\.[\\w.$]+(?:Exception|Error):?\\s*", "");
        return switch (cause) {
            case EOFException cut -> "the file is cut short or damaged (" + or(detail, "it ends too early") + ")";
            case ZipException zip -> "the file is cut short or damaged (" + or(detail, "not valid gzip") + ")";
            case AccessDeniedException denied -> "not readable (permission denied)";
            case NoSuchFileException gone -> "no such file (it went away while being read)";
            case IOException io -> or(detail, "it could not be read");
            default -> or(detail, "it could not be read");
        };
    }

    /** Whether {@code t} only carries its cause (an UncheckedIOException, a message that is the cause's). */
    private static boolean wraps(Throwable t) {
        String message = t.getMessage();
        Throwable cause = t.getCause();
        return t instanceof UncheckedIOException
                || message == null
                || message.equals(cause.getMessage())
                || message.equals(cause.toString());
    }

    private static String or(String detail, String otherwise) {
        return detail.isBlank() ? otherwise : detail;
    }
}
