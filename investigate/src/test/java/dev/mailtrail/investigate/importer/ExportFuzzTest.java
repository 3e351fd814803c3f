package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mailtrail.investigate.importer.decode.DecodedRecord;
import dev.mailtrail.investigate.importer.decode.UnitRejected;
import dev.mailtrail.investigate.importer.detect.ExportDetector;
import dev.mailtrail.investigate.importer.detect.ExportFile;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.detect.UnrecognisedExportException;
import dev.mailtrail.investigate.importer.directory.GetMailboxCsv;
import dev.mailtrail.investigate.importer.identity.RecordIdentifier;
import dev.mailtrail.investigate.importer.normalise.ExportDate;
import dev.mailtrail.investigate.importer.normalise.RecordNormaliser;
import dev.mailtrail.investigate.importer.source.SourceUnit;
import dev.mailtrail.investigate.importer.source.UnitSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * Coverage-guided fuzzing of what {@code mt import} does with a file: detection, then the format's source and
 * reader on every unit, then normalising and identifying each record. The importer's contract on any bytes: a file
 * that is no export is {@link UnrecognisedExportException}, a file that cannot be read is an {@link IOException}
 * (both refuse the file, by name), a unit that cannot be read is {@link UnitRejected} or
 * {@link SourceUnit.Unreadable} (a reject, with its line); nothing else escapes, so no other exception reaches the
 * safety net that turns an unforeseen one into a reject. The seeds under {@code ExportFuzzTestInputs/} are one real
 * export shape per format; without {@code JAZZER_FUZZ} they and every saved finding run as regression tests.
 */
class ExportFuzzTest {

    private static final ExportDetector DETECTOR = new ExportDetector();
    private static final ExportDate DATES = new ExportDate(ZoneOffset.UTC);
    private static final RecordNormaliser NORMALISER = new RecordNormaliser();
    private static final RecordIdentifier IDENTIFIER = new RecordIdentifier();
    private static Path file;

    @FuzzTest
    void anyFile(byte[] content) throws IOException {
        Path path = scratch();
        Files.write(path, content);
        ExportFile export;
        try {
            export = DETECTOR.detect(path);
        } catch (UnrecognisedExportException | IOException refused) {
            return;
        }
        try {
            readAll(export);
        } catch (IOException | UncheckedIOException refused) {
            assertThat(refused.getMessage()).as("a refused file says why").isNotBlank();
        }
    }

    private static void readAll(ExportFile export) throws IOException {
        if (export.format() == ExportFormat.MAILBOX_LIST_CSV) {
            try (Reader text = export.open().text()) {
                new GetMailboxCsv().read(export.path(), text);
            }
            return;
        }
        ExportReaders.OpenedExport opened = ExportReaders.open(export, DATES);
        try (UnitSource units = opened.units()) {
            for (SourceUnit unit = units.next(); unit != null; unit = units.next()) {
                assertThat(unit.line()).isPositive();
                if (unit instanceof SourceUnit.Unreadable unreadable) {
                    assertThat(unreadable.reason()).isNotBlank();
                    continue;
                }
                try {
                    DecodedRecord decoded = opened.decoder().decode(unit);
                    IDENTIFIER.identify(NORMALISER.normalise(decoded.record()));
                } catch (UnitRejected rejected) {
                    assertThat(rejected.getMessage()).as("a reject says why").isNotBlank();
                }
            }
        }
    }

    private static synchronized Path scratch() throws IOException {
        if (file == null) {
            file = Files.createTempFile("mailtrail-fuzz-", ".export");
            file.toFile().deleteOnExit();
        }
        return file;
    }
}
