package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportFile;
import java.util.List;

/**
 * The files of an import's inputs: the exports to read, in order, the files of directories that are none, and the
 * files given by name that cannot be imported.
 */
public record Detection(List<ExportFile> exports, List<SkippedFile> skipped, List<RefusedFile> refused) {
    public Detection {
        exports = List.copyOf(exports);
        skipped = List.copyOf(skipped);
        refused = List.copyOf(refused);
    }

    public Detection(List<ExportFile> exports, List<SkippedFile> skipped) {
        this(exports, skipped, List.of());
    }
}
