package dev.mailtrail.store.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The journal's segment files: named by their first sequence number, so that name order is event order. */
final class Segments {
    static final String SUFFIX = ".journal";

    private Segments() {}

    static Path path(Path directory, long firstSequence) {
        return directory.resolve("%020d%s".formatted(firstSequence, SUFFIX));
    }

    static long firstSequence(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\" + SUFFIX))
                    .sorted()
                    .toList();
        }
    }
}
