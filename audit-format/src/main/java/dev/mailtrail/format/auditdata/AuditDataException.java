package dev.mailtrail.format.auditdata;

/**
 * An AuditData object that cannot become a record. The message names the field and the problem
 * ({@code RecordType: expected an integer, found "abc"}); callers add where the object came from.
 */
public final class AuditDataException extends Exception {
    private final String field;

    public AuditDataException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public AuditDataException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The AuditData field at fault, or {@code AuditData} when the object as a whole is. */
    public String field() {
        return field;
    }
}
