package dev.mailtrail.format.event;

/** An event line that does not follow the contract; names the field and what is wrong with it. */
public final class EventFormatException extends Exception {
    private final String field;
    private final String problem;

    public EventFormatException(String field, String problem) {
        super(field == null ? problem : "field \"" + field + "\": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The offending field as a path, e.g. {@code items[2].size}; null when the line itself is wrong. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
