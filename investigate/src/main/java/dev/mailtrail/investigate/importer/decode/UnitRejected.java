package dev.mailtrail.investigate.importer.decode;

/**
 * A unit that cannot become a record. The message is the reason a rejects file shows, naming the field and the
 * problem ({@code CreationDate: "13/45/2026" is not a date}); the importer adds the file and line.
 */
public final class UnitRejected extends Exception {
    public UnitRejected(String reason) {
        super(reason);
    }

    public UnitRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
