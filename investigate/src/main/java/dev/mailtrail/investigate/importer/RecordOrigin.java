package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.nio.file.Path;

/**
 * Where an imported record came from.
 *
 * @param file the export file
 * @param line the 1-based line its row or JSON value starts on
 * @param index its 1-based position among the file's rows or records
 * @param format the export format the file was detected as
 */
public record RecordOrigin(Path file, long line, long index, ExportFormat format) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
