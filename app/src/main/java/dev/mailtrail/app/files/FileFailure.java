package dev.mailtrail.app.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A file-system failure as one line a person reads: the path and what is wrong, no Java exception's name. */
public final class FileFailure {
    private FileFailure() {}

    public static String describe(Exception failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        return switch (cause) {
            case UnsafePathException unsafe -> unsafe.getMessage();
            case AccessDeniedException denied -> path(denied) + ": permission denied";
            case NoSuchFileException missing ->
                path(missing) + ": no such file or directory"
                        + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
            case NotDirectoryException notDirectory -> path(notDirectory) + ": not a directory";
            case FileAlreadyExistsException exists -> path(exists) + ": is in the way (a file already exists there)";
            case FileSystemException other ->
                path(other) + ": " + (other.getReason() == null ? "cannot be written" : other.getReason());
            case IOException io -> io.getMessage() == null ? "an input/output error" : plain(io.getMessage());
            default -> plain(String.valueOf(cause.getMessage()));
        };
    }

    private static String path(FileSystemException e) {
        return e.getOtherFile() == null ? e.getFile() : e.getFile() + " -> " + e.getOtherFile();
    }

    private static String plain(String message) {
        return message.replaceAll("\\b(?:java|javax|sun)\\.[\\w.$]+(?:Exception|Error):?\\s*", "");
    }
}
