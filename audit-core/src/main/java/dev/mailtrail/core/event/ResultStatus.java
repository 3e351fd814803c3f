package dev.mailtrail.core.event;

import java.util.Optional;

/** Outcome of a mailbox access, as in AuditData {@code ResultStatus}. */
public enum ResultStatus {
    SUCCEEDED("Succeeded"),
    PARTIALLY_SUCCEEDED("PartiallySucceeded"),
    FAILED("Failed");

    private final String exchangeName;

    ResultStatus(String exchangeName) {
        this.exchangeName = exchangeName;
    }

    public String exchangeName() {
        return exchangeName;
    }

    public static Optional<ResultStatus> parse(String text) {
        for (ResultStatus status : values()) {
            if (status.exchangeName.equalsIgnoreCase(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
