package dev.mailtrail.app.files;

import java.io.IOException;
import java.nio.file.Path;

/** A place {@code mt} was asked to write that it refuses: a symbolic link, or a file where a directory belongs. */
public final class UnsafePathException extends IOException {
    public UnsafePathException(Path path, String why) {
        super(path + ": " + why);
    }
}
