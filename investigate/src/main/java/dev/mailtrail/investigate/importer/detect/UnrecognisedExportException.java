package dev.mailtrail.investigate.importer.detect;

import java.nio.file.Path;

/** A file whose content is none of the known exports; the message names the file, what it holds and the formats. */
public final class UnrecognisedExportException extends Exception {
    private final Path file;
    private final String whatItHolds;

    public UnrecognisedExportException(Path file, String whatItHolds) {
        super(file + ": not an audit export MailTrail knows (" + whatItHolds + "). Known formats:"
                + ExportFormat.describeAll());
        this.file = file;
        this.whatItHolds = whatItHolds;
    }

    /** What the file holds instead, e.g. {@code CSV with the header Date,Subject}. */
    public String whatItHolds() {
        return whatItHolds;
    }

    public Path file() {
        return file;
    }
}
