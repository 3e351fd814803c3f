package dev.mailtrail.core.action;

import static dev.mailtrail.core.action.MailboxAction.Availability.CAN;
import static dev.mailtrail.core.action.MailboxAction.Availability.DEFAULT;
import static dev.mailtrail.core.action.MailboxAction.Availability.DEPRECATED;
import static dev.mailtrail.core.action.MailboxAction.Availability.NO;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange's mailbox audit actions with, per logon type, whether the action may be configured and whether
 * it is in the newest managed default set (the {@code 2023} baseline). Order is the catalogue's
 * alphabetical order, which is also how lists are shown.
 */
public enum MailboxAction {
    ADD_FOLDER_PERMISSIONS("AddFolderPermissions", CAN, CAN, CAN),
    APPLY_RECORD("ApplyRecord", DEFAULT, DEFAULT, DEFAULT),
    COPY("Copy", CAN, NO, NO),
    CREATE("Create", DEFAULT, DEFAULT, CAN),
    FOLDER_BIND("FolderBind", CAN, CAN, NO),
    HARD_DELETE("HardDelete", DEFAULT, DEFAULT, DEFAULT),
    MAILBOX_LOGIN("MailboxLogin", NO, NO, CAN),
    MAIL_ITEMS_ACCESSED("MailItemsAccessed", DEFAULT, DEFAULT, DEFAULT),
    MESSAGE_BIND("MessageBind", DEPRECATED, NO, NO),
    MODIFY_FOLDER_PERMISSIONS("ModifyFolderPermissions", CAN, CAN, CAN),
    MOVE("Move", CAN, CAN, CAN),
    MOVE_TO_DELETED_ITEMS("MoveToDeletedItems", DEFAULT, DEFAULT, DEFAULT),
    RECORD_DELETE("RecordDelete", CAN, CAN, CAN),
    REMOVE_FOLDER_PERMISSIONS("RemoveFolderPermissions", CAN, CAN, CAN),
    SEARCH_QUERY_INITIATED("SearchQueryInitiated", NO, NO, CAN),
    SEND("Send", DEFAULT, NO, DEFAULT),
    SEND_AS("SendAs", DEFAULT, DEFAULT, NO),
    SEND_ON_BEHALF("SendOnBehalf", DEFAULT, DEFAULT, NO),
    SOFT_DELETE("SoftDelete", DEFAULT, DEFAULT, DEFAULT),
    UPDATE("Update", DEFAULT, DEFAULT, DEFAULT),
    UPDATE_CALENDAR_DELEGATION("UpdateCalendarDelegation", DEFAULT, NO, DEFAULT),
    UPDATE_COMPLIANCE_TAG("UpdateComplianceTag", CAN, CAN, CAN),
    UPDATE_FOLDER_PERMISSIONS("UpdateFolderPermissions", DEFAULT, DEFAULT, DEFAULT),
    UPDATE_INBOX_RULES("UpdateInboxRules", DEFAULT, DEFAULT, DEFAULT);

    /** How an action relates to one logon type in Exchange's catalogue. */
    public enum Availability {
        /** Cannot be configured for this logon type. */
        NO,
        /** May be configured, not in the default set. */
        CAN,
        /** In the current default set. */
        DEFAULT,
        /** Refused when added (MessageBind): MailItemsAccessed replaces it. */
        DEPRECATED
    }

    private static final Map<String, MailboxAction> BY_NAME = new HashMap<>();

    static {
        for (MailboxAction action : values()) {
            BY_NAME.put(action.exchangeName.toLowerCase(Locale.ROOT), action);
        }
    }

    private final String exchangeName;
    private final Availability admin;
    private final Availability delegate;
    private final Availability owner;

    MailboxAction(String exchangeName, Availability admin, Availability delegate, Availability owner) {
        this.exchangeName = exchangeName;
        this.admin = admin;
        this.delegate = delegate;
        this.owner = owner;
    }

    /** The name Exchange uses in cmdlets and in AuditData {@code Operation}. */
    public String exchangeName() {
        return exchangeName;
    }

    public Availability availability(LogonType logonType) {
        return switch (logonType) {
            case ADMIN -> admin;
            case DELEGATE -> delegate;
            case OWNER -> owner;
        };
    }

    /** Whether this value may stand in the logon type's list (deprecated MessageBind only as a legacy entry). */
    public boolean configurableFor(LogonType logonType) {
        Availability availability = availability(logonType);
        return availability == CAN || availability == DEFAULT;
    }

    /** The three folder-permission values that {@link #UPDATE_FOLDER_PERMISSIONS} covers. */
    public boolean isFolderPermissionAlias() {
        return this == ADD_FOLDER_PERMISSIONS || this == MODIFY_FOLDER_PERMISSIONS || this == REMOVE_FOLDER_PERMISSIONS;
    }

    /** Case-insensitive lookup of an Exchange action name. */
    public static Optional<MailboxAction> parse(String name) {
        return name == null
                ? Optional.empty()
                : Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
