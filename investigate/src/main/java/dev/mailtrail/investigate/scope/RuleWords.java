package dev.mailtrail.investigate.scope;

/** How a scope quotes what a record wrote: subjects and parameter values, an empty one said as such. */
public final class RuleWords {
    private RuleWords() {}

    /** {@code "Invoice"}, or {@code (empty)} for an empty value. */
    static String quoted(String value) {
        return value == null || value.isEmpty() ? "(empty)" : "\"" + value + "\"";
    }

    /**
     * A message's subject as a scope prints it: quoted, {@code (no subject)} when the record says it had none (an
     * empty Subject), or null when the record does not say.
     */
    public static String subject(String subject) {
        if (subject == null) {
            return null;
        }
        return subject.isBlank() ? "(no subject)" : "\"" + subject + "\"";
    }
}
