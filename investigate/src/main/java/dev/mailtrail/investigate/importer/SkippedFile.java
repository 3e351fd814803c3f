package dev.mailtrail.investigate.importer;

import java.nio.file.Path;

/**
 * A file found in a directory given to an import that is no export (a README, a notes file): left out and
 * listed, so its absence is visible. A file named explicitly is never skipped; it stops the import instead.
 */
public record SkippedFile(Path file, String reason) {}
