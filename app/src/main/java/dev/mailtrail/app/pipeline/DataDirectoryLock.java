package dev.mailtrail.app.pipeline;

import dev.mailtrail.app.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process writes a data directory: an OS file lock (released by the OS when the process dies, even by
 * {@code kill -9}), with the holder's pid and command written inside so that the next one can say who holds it.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "mailtrail.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path directory, String purpose) throws IOException {
        PrivateFiles.directory(directory);
        Path file = directory.resolve(FILE);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new DataDirectoryInUseException(directory, holder);
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ": "
                                + (purpose.startsWith("mt ") ? purpose : "mt " + purpose) + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                0);
        channel.force(false);
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
