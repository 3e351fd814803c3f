package dev.mailtrail.core.config;

import java.util.Locale;
import java.util.Optional;

/** A mailbox's kind ({@code RecipientTypeDetails}); decides whether and how it is audited. */
public enum MailboxType {
    USER_MAILBOX("UserMailbox", "Regular", true),
    SHARED_MAILBOX("SharedMailbox", "Shared", true),
    GROUP_MAILBOX("GroupMailbox", "Group", true),
    ROOM_MAILBOX("RoomMailbox", "Room", false),
    EQUIPMENT_MAILBOX("EquipmentMailbox", "Equipment", false),
    PUBLIC_FOLDER_MAILBOX("PublicFolderMailbox", "PublicFolder", false);

    private final String exchangeName;
    private final String typeParameter;
    private final boolean auditedByDefault;

    MailboxType(String exchangeName, String typeParameter, boolean auditedByDefault) {
        this.exchangeName = exchangeName;
        this.typeParameter = typeParameter;
        this.auditedByDefault = auditedByDefault;
    }

    /** As Get-Mailbox shows it in {@code RecipientTypeDetails}. */
    public String exchangeName() {
        return exchangeName;
    }

    /** The value {@code Set-Mailbox -Type} takes. */
    public String typeParameter() {
        return typeParameter;
    }

    /**
     * User, shared and group mailboxes are audited by default; resource and public-folder mailboxes only
     * when their AuditEnabled is set.
     */
    public boolean auditedByDefault() {
        return auditedByDefault;
    }

    public static Optional<MailboxType> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (MailboxType type : values()) {
            if (type.exchangeName.toLowerCase(Locale.ROOT).equals(wanted)
                    || type.typeParameter.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
