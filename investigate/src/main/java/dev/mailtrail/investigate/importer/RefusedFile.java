package dev.mailtrail.investigate.importer;

import java.nio.file.Path;

/**
 * A file an import could not take, or could not take to its end, and why: given by name but no export, missing,
 * unreadable, or failed while read (what it delivered before stays imported and counted). The other files are
 * imported all the same; the import reports it and its exit status says so.
 */
public record RefusedFile(Path file, String reason) {}
