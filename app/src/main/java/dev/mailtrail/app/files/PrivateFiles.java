package dev.mailtrail.app.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Directories and files that hold audit data (users, addresses, subjects): a directory {@code mt} creates is 0700
 * and a file it writes is 0600, whatever the umask allows, and neither is written through a symbolic link (which
 * could point at another user's file). A directory that already exists keeps its mode: the administrator chose it.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /**
     * {@code directory}, created 0700 with any missing parents (each 0700) when absent.
     *
     * @throws UnsafePathException when it is a symbolic link or not a directory
     */
    public static Path directory(Path directory) throws IOException {
        if (Files.isSymbolicLink(directory)) {
            throw new UnsafePathException(directory, "is a symbolic link; MailTrail does not write through links");
        }
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafePathException(directory, "is a file, not a directory");
            }
            return directory;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path p : missing) {
            if (POSIX) {
                Files.createDirectory(p, attribute(DIRECTORY));
            } else {
                Files.createDirectory(p);
            }
        }
        return directory;
    }

    /**
     * A writer of {@code file} in UTF-8, created 0600 (an existing file is replaced in place and keeps its mode).
     *
     * @throws UnsafePathException when it is a symbolic link or a directory
     */
    public static Writer newWriter(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new UnsafePathException(file, "is a symbolic link; MailTrail does not write through links");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafePathException(file, "is a directory, not a file");
        }
        Set<OpenOption> options = Set.of(
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        var channel =
                POSIX ? Files.newByteChannel(file, options, attribute(FILE)) : Files.newByteChannel(file, options);
        return Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
