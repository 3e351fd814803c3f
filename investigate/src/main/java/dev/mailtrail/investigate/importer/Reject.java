package dev.mailtrail.investigate.importer;

import java.nio.file.Path;

/**
 * A row, line or record of an export that could not be imported. Kept, never dropped: the rejects file holds it
 * so it can be fixed and imported again.
 *
 * @param file the export file
 * @param line the 1-based line it starts on
 * @param reason what is wrong, naming the field ({@code AuditData: invalid JSON at column 212: …})
 * @param content its text as read (a CSV row re-encoded as CSV), possibly cut off when overlong
 */
public record Reject(Path file, long line, String reason, String content) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
