package dev.mailtrail.investigate.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public Microsoft 365 samples in {@code ../shared/data/}, beside the repository, read in place. */
final class SharedData {
    private SharedData() {}

    static Path directory() {
        return repositoryRoot().resolve("../shared/data").normalize();
    }

    static Path file(String relative) {
        return directory().resolve(relative);
    }

    /** The directory whose pom.xml is the parent POM, found by walking up from the working directory. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)
                        && Files.readString(pom).contains("<artifactId>mailtrail-parent</artifactId>")
                        && !Files.readString(pom).contains("<parent>")) {
                    return dir;
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        throw new IllegalStateException("no parent pom.xml above " + Path.of("").toAbsolutePath());
    }
}
