package dev.mailtrail.investigate.importer.normalise;

import java.util.Locale;

/**
 * Exchange's {@code LogonType} and {@code InternalLogonType} from a number or a name: Search-MailboxAuditLog
 * shows {@code Owner}, {@code Delegate}, {@code Admin}; AuditData holds the numbers (exchange-audit.md §1),
 * including the internal values 3 to 6.
 */
public final class LogonTypeName {
    private LogonTypeName() {}

    /** The number, or null when the text is neither a number nor a known name. */
    public static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        String name = text.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "owner" -> 0;
            case "admin" -> 1;
            case "delegate", "delegated" -> 2;
            case "transport" -> 3;
            case "systemservice" -> 4;
            case "bestaccess" -> 5;
            case "delegatedadmin" -> 6;
            default -> number(name);
        };
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Integer.valueOf(text);
    }
}
