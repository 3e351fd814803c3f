package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.nio.file.Path;

/**
 * What an import did with one file. {@code read = imported + duplicates + rejected}.
 *
 * @param file the export file
 * @param format what it was detected as
 * @param bytes its size
 * @param read rows, lines or records read
 * @param imported new records handed to the sink
 * @param duplicates records already known (earlier in the import, in another file, or in the case)
 * @param rejected rows that went to the rejects
 */
public record FileSummary(
        Path file, ExportFormat format, long bytes, long read, long imported, long duplicates, long rejected) {}
