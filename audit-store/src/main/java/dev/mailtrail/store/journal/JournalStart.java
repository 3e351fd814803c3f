package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a journal begins once segments that snapshots and stores cover were deleted: the file {@code first-sequence}
 * in the journal's directory, written (synced, renamed into place) before any segment goes. Without it the journal
 * begins at sequence 1, and a first segment that starts later is damage — a missing segment, never silently taken for
 * a deletion.
 */
final class JournalStart {
    static final String FILE = "first-sequence";

    private JournalStart() {}

    static long read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return 1;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            long first = Long.parseLong(text);
            if (first < 1) {
                throw new NumberFormatException("below 1");
            }
            return first;
        } catch (NumberFormatException e) {
            throw new IOException(file + " should hold the journal's first sequence number, not \"" + text + "\"", e);
        }
    }

    static void write(Path directory, long first) throws IOException {
        Path temporary = directory.resolve(FILE + ".new");
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap((first + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
