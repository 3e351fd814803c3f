package dev.mailtrail.format.auditdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The public Microsoft 365 samples in {@code ../shared/data/}, read in place beside the repository. */
final class SharedData {
    private static final Pattern PARENT_ELEMENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);

    private SharedData() {}

    static Path file(String relative) {
        Path file = repositoryRoot().resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing shared sample " + file);
        }
        return file;
    }

    /** Tests run in the module directory; the root is the nearest directory whose own POM is the parent. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isParentPom(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no mailtrail-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    private static boolean isParentPom(Path pom) {
        try {
            // A module's POM names the parent too, inside its <parent> element.
            return Files.isRegularFile(pom)
                    && PARENT_ELEMENT
                            .matcher(Files.readString(pom))
                            .replaceFirst("")
                            .contains("<artifactId>mailtrail-parent</artifactId>");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
