package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of exports with one damaged file in it: that file is refused with its name and a reason a person
 * reads (no Java exception's name), the others are imported; a symbolic link in it is not followed out of it.
 */
class DamagedDirectoryImportTest {

    @TempDir
    Path dir;

    @Test
    void aGzipCutShortBeforeItsFirstRowIsRefusedByNameAndTheOthersAreImported() throws Exception {
        Path exports = Files.createDirectory(dir.resolve("exports"));
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(Files.readAllBytes(Fixtures.path("purview-audit-search.csv")));
        }
        Path cut = exports.resolve("a-cut.csv.gz");
        Files.write(cut, Arrays.copyOf(zipped.toByteArray(), 40));
        Files.copy(Fixtures.path("content-blob.json"), exports.resolve("b-good.json"));
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, exports);

        assertThat(summary.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.file()).isEqualTo(cut);
            assertThat(refused.reason())
                    .contains("cut short or damaged")
                    .doesNotContain("Exception")
                    .doesNotContain("java.");
        });
        assertThat(summary.files())
                .extracting(FileSummary::format)
                .containsExactly(ExportFormat.MANAGEMENT_ACTIVITY_JSON);
        assertThat(sink.records).isNotEmpty();
    }

    @Test
    void aSymbolicLinkInsideAnInputDirectoryIsSkippedWithANoteNotFollowed() throws Exception {
        Path outside = Files.copy(Fixtures.path("content-blob.json"), dir.resolve("secret.json"));
        Path exports = Files.createDirectory(dir.resolve("exports"));
        Path link = Files.createSymbolicLink(exports.resolve("link.json"), outside);
        Files.createSymbolicLink(exports.resolve("linked-dir"), dir);
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, exports);

        assertThat(summary.files()).isEmpty();
        assertThat(sink.records).isEmpty();
        assertThat(summary.skipped()).anySatisfy(skipped -> {
            assertThat(skipped.file()).isEqualTo(link);
            assertThat(skipped.reason()).contains("symbolic link");
        });
    }
}
