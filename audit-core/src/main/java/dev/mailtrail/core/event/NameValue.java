package dev.mailtrail.core.event;

import java.util.Map;

/**
 * Exchange's {@code {"Name": …, "Value": …}} pair, as in {@code Parameters} and {@code OperationProperties}, and
 * the members of an exported pair MailTrail does not model ({@link Members}).
 */
public record NameValue(String name, String value, Map<String, Object> extensions) {
    public NameValue {
        extensions = Members.copy(extensions);
    }

    public NameValue(String name, String value) {
        this(name, value, Map.of());
    }
}
