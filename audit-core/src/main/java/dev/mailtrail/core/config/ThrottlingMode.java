package dev.mailtrail.core.config;

import java.util.Optional;

/**
 * How MailItemsAccessed is throttled. {@code EXCHANGE} reproduces Exchange (over 1,000 records per mailbox
 * in 24 h stops Bind records for 24 h); {@code OFF} is lossless and the default, because a blind spot is
 * what responders hate most. Either way what was suppressed is counted.
 */
public enum ThrottlingMode {
    EXCHANGE("exchange"),
    OFF("off");

    private final String label;

    ThrottlingMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ThrottlingMode> parse(String text) {
        for (ThrottlingMode mode : values()) {
            if (mode.label.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
