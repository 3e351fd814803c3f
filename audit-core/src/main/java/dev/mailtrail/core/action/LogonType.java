package dev.mailtrail.core.action;

import java.util.Locale;
import java.util.Optional;

/**
 * Who acted on a mailbox, as Exchange classifies it. Values are Exchange's own {@code LogonType} numbers
 * (persisted and exported as such; never an {@code ordinal()}).
 */
public enum LogonType {
    OWNER(0, "Owner", "AuditOwner"),
    ADMIN(1, "Admin", "AuditAdmin"),
    DELEGATE(2, "Delegate", "AuditDelegate");

    private final int value;
    private final String cmdletName;
    private final String listProperty;

    LogonType(int value, String cmdletName, String listProperty) {
        this.value = value;
        this.cmdletName = cmdletName;
        this.listProperty = listProperty;
    }

    /** Exchange's numeric value, as in AuditData {@code LogonType}. */
    public int value() {
        return value;
    }

    /** The spelling cmdlets use: {@code Owner}, {@code Delegate}, {@code Admin}. */
    public String cmdletName() {
        return cmdletName;
    }

    /** The mailbox property holding this logon type's action list, e.g. {@code AuditOwner}. */
    public String listProperty() {
        return listProperty;
    }

    /** Accepts {@code Owner}, {@code Delegate}, {@code Delegated}, {@code Admin} and {@code 0}/{@code 1}/{@code 2}. */
    public static Optional<LogonType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "owner", "0" -> Optional.of(OWNER);
            case "admin", "1" -> Optional.of(ADMIN);
            case "delegate", "delegated", "2" -> Optional.of(DELEGATE);
            default -> Optional.empty();
        };
    }

    public static Optional<LogonType> ofValue(int value) {
        for (LogonType type : values()) {
            if (type.value == value) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
