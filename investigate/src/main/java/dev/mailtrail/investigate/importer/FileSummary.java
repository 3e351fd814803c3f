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
 * @param links pairs of names of one mailbox a mailbox list gave (0 for an audit export)
 */
public record FileSummary(
        Path file,
        ExportFormat format,
        long bytes,
        long read,
        long imported,
        long duplicates,
        long rejected,
        long links) {
    public FileSummary(
            Path file, ExportFormat format, long bytes, long read, long imported, long duplicates, long rejected) {
        this(file, format, bytes, read, imported, duplicates, rejected, 0);
    }
}
