package dev.mailtrail.core.decision;

/** The outcome of a decision, as a stable code that statistics count by. */
public enum Verdict {
    AUDITED("audited"),
    AUDIT_DISABLED("organization AuditDisabled"),
    MAILBOX_NOT_AUDITED("mailbox not audited"),
    AUDIT_BYPASS("audit bypass"),
    NOT_IN_LIST("action not in list"),
    NOT_AUDITABLE("action not auditable for logon type");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
