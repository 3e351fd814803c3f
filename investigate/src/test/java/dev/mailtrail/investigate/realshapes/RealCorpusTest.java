package dev.mailtrail.investigate.realshapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mailtrail.investigate.importer.Reject;
import dev.mailtrail.investigate.importer.detect.UnrecognisedExportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real exports that cannot be in the repository (their licences do not allow it), kept in a directory named by
 * {@code MAILTRAIL_REAL_CORPUS}: every file under it but notes ({@code *.md}, {@code *.txt}) is imported on its
 * own, as a file named on {@code mt import}'s command line. Skipped when the variable is not set.
 */
class RealCorpusTest {
    private static final List<String> REFUSED = new ArrayList<>();
    private static final List<Reject> REJECTS = new ArrayList<>();
    private static long imported;

    @BeforeAll
    static void importEveryFile() throws Exception {
        String corpus = System.getenv("MAILTRAIL_REAL_CORPUS");
        assumeTrue(corpus != null && !corpus.isBlank(), "MAILTRAIL_REAL_CORPUS names no directory");
        Path directory = Path.of(corpus);
        assertThat(directory).as("MAILTRAIL_REAL_CORPUS").isDirectory();
        for (Path file : exports(directory)) {
            try {
                RealShapes.Imported one = RealShapes.importedFrom(List.of(file));
                REJECTS.addAll(one.rejects);
                imported += one.summary.imported();
            } catch (UnrecognisedExportException refused) {
                REFUSED.add(refused.getMessage());
            } catch (IOException unreadable) {
                REFUSED.add(directory.relativize(file) + ": " + unreadable);
            }
        }
    }

    private static List<Path> exports(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !name.endsWith(".md") && !name.endsWith(".txt") && !name.startsWith(".");
                    })
                    .sorted()
                    .toList();
        }
    }

    @Test
    void noFileIsRefused() {
        assertThat(REFUSED).isEmpty();
        assertThat(imported).isPositive();
    }

    @Test
    void everyRejectSaysWhy() {
        assertThat(REJECTS).allSatisfy(reject -> assertThat(reject.reason()).isNotBlank());
    }

    @Test
    void everyRecordIsImported() {
        assertThat(REJECTS).extracting(Reject::toString).isEmpty();
    }
}
