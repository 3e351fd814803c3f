package dev.mailtrail.core.action;

import java.util.Optional;

/** {@code MailAccessType} of a MailItemsAccessed record: one message read, or a folder taken in bulk. */
public enum MailAccessType {
    BIND("Bind"),
    SYNC("Sync");

    private final String exchangeName;

    MailAccessType(String exchangeName) {
        this.exchangeName = exchangeName;
    }

    public String exchangeName() {
        return exchangeName;
    }

    public static Optional<MailAccessType> parse(String text) {
        for (MailAccessType type : values()) {
            if (type.exchangeName.equalsIgnoreCase(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
