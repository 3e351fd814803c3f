package dev.mailtrail.investigate.importer;

import dev.mailtrail.investigate.importer.detect.ExportFile;
import java.util.List;

/** The files of an import's inputs: the exports to read, in order, and the files of directories that are none. */
public record Detection(List<ExportFile> exports, List<SkippedFile> skipped) {
    public Detection {
        exports = List.copyOf(exports);
        skipped = List.copyOf(skipped);
    }
}
