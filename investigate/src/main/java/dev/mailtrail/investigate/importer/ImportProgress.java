package dev.mailtrail.investigate.importer;

import java.nio.file.Path;

/** Told how far an import has come; called from the thread running the import, a few times a second at most. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (file, bytesDone, bytesTotal) -> {};

    /**
     * @param file the file being read
     * @param bytesDone bytes of all files read and handed on so far (compressed bytes for a gzip file)
     * @param bytesTotal bytes of all files of the import
     */
    void update(Path file, long bytesDone, long bytesTotal);
}
