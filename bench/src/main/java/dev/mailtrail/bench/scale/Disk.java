package dev.mailtrail.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Bytes of files on disk. */
final class Disk {
    private Disk() {}

    static long size(Path dir) throws IOException {
        return size(dir, path -> true);
    }

    /** The files under {@code dir} that {@code which} accepts; 0 where it does not exist. */
    static long size(Path dir, Predicate<Path> which) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(which)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
