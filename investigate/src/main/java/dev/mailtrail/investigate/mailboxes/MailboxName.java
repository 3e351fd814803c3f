package dev.mailtrail.investigate.mailboxes;

import java.util.Locale;
import java.util.Objects;

/**
 * One name of a mailbox, of a kind Exchange gives it. Two names are the same when their values are, whatever the
 * case, surrounding blanks or braces around a GUID: {@code {8F1C…}} in one export is {@code 8f1c…} in another.
 *
 * @param value the name as compared ({@link #normalised})
 * @param text the name as the record or export first wrote it, for people to read
 */
public record MailboxName(Kind kind, String value, String text) {
    /** The kinds of names, as Get-Mailbox and the audit records call them. */
    public enum Kind {
        UPN("UserPrincipalName"),
        SMTP_ADDRESS("PrimarySmtpAddress"),
        MAILBOX_GUID("ExchangeGuid / MailboxGuid"),
        OBJECT_GUID("Guid"),
        EXTERNAL_DIRECTORY_OBJECT_ID("ExternalDirectoryObjectId"),
        SID("MailboxOwnerSid"),
        USER_KEY("UserKey"),
        LEGACY_DN("LegacyExchangeDN"),
        DISPLAY_NAME("DisplayName"),
        ALIAS("Alias"),
        /** A name a cmdlet's ObjectId or -Mailbox gives, whose kind the record does not say (often a GUID). */
        OBJECT_NAME("ObjectId / -Mailbox");

        private final String exchangeName;

        Kind(String exchangeName) {
            this.exchangeName = exchangeName;
        }

        public String exchangeName() {
            return exchangeName;
        }
    }

    public MailboxName {
        Objects.requireNonNull(kind, "kind");
        text = text == null || text.isBlank() ? value : text.strip();
        value = normalised(value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty " + kind.exchangeName());
        }
    }

    public MailboxName(Kind kind, String given) {
        this(kind, given, given);
    }

    /** The name, or null when the text is blank. */
    public static MailboxName of(Kind kind, String text) {
        return text == null || normalised(text).isEmpty() ? null : new MailboxName(kind, text);
    }

    /** The form names are compared in: stripped, lower case, a GUID without braces. */
    public static String normalised(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.length() == 38 && value.startsWith("{") && value.endsWith("}")) {
            value = value.substring(1, 37);
        }
        return value;
    }
}
