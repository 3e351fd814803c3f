package dev.mailtrail.format.auditdata;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members a record holds where MailTrail reads a value but could not read this one, as the export wrote it in
 * another JSON type ({@code "SizeInBytes":"12 KB"}, {@code "Subject":null}, {@code "Folder":"\\Inbox"}): kept, and
 * written back, but unread, so an investigation that needs them should be told. Each is named by its path in the
 * AuditData ({@code Folders[0].FolderItems[2].SizeInBytes}) with the value as an error message shows it.
 */
public final class UnreadMembers {
    private static final int QUOTED_TEXT_LIMIT = 60;
    private static final Set<String> NAME_VALUE = Set.of("Name", "Value");
    private static final Set<String> FOLDER_REF = Set.of("Id", "Path");
    private static final Set<String> RECORD_ITEM =
            Set.of("Id", "Subject", "InternetMessageId", "SizeInBytes", "ParentFolder");
    private static final Set<String> ITEM_REF = Set.of("InternetMessageId", "Id", "SizeInBytes", "Subject");
    private static final Set<String> FOLDER_ITEMS = Set.of("FolderItems", "Id", "Path");

    private UnreadMembers() {}

    /** Each unread member, in the record's order; empty for nearly every record. */
    public static List<String> of(AuditRecord record) {
        List<String> unread = new ArrayList<>(0);
        for (Map.Entry<String, Object> extension : record.extensions().entrySet()) {
            AuditDataField field = AuditDataField.named(extension.getKey());
            if (field != null && !read(field, record)) {
                unread.add(warning(extension.getKey(), extension.getValue()));
            }
        }
        pairs("OperationProperties", record.operationProperties(), unread);
        pairs("Parameters", record.parameters(), unread);
        if (record.item() != null) {
            item("Item", record.item(), unread);
        }
        folder("Folder", record.folder(), unread);
        folder("DestFolder", record.destFolder(), unread);
        list("AffectedItems", record.affectedItems(), unread, UnreadMembers::item);
        list("Folders", record.folders(), unread, UnreadMembers::folderItems);
        list("MailTrailSyncedItems", record.syncedItems(), unread, UnreadMembers::ref);
        return unread;
    }

    private interface Nested<T> {
        void add(String path, T value, List<String> unread);
    }

    private static <T> void list(String path, List<T> values, List<String> unread, Nested<T> nested) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                nested.add(path + "[" + i + "]", values.get(i), unread);
            }
        }
    }

    private static void pairs(String path, List<NameValue> pairs, List<String> unread) {
        list(path, pairs, unread, (at, pair, out) -> {
            Object[] typed = {pair.name(), pair.value()};
            members(at, pair.extensions(), NAME_VALUE, name -> typed["Name".equals(name) ? 0 : 1], out);
        });
    }

    private static void folder(String path, FolderRef folder, List<String> unread) {
        if (folder != null) {
            members(
                    path,
                    folder.extensions(),
                    FOLDER_REF,
                    name -> "Id".equals(name) ? folder.id() : folder.path(),
                    unread);
        }
    }

    private static void item(String path, RecordItem item, List<String> unread) {
        members(
                path,
                item.extensions(),
                RECORD_ITEM,
                name -> switch (name) {
                    case "Id" -> item.id();
                    case "Subject" -> item.subject();
                    case "InternetMessageId" -> item.internetMessageId();
                    case "SizeInBytes" -> item.sizeInBytes();
                    default -> item.parentFolder();
                },
                unread);
        folder(path + ".ParentFolder", item.parentFolder(), unread);
    }

    private static void folderItems(String path, FolderItems folder, List<String> unread) {
        members(
                path,
                folder.extensions(),
                FOLDER_ITEMS,
                name -> switch (name) {
                    case "Id" -> folder.id();
                    case "Path" -> folder.path();
                    default -> folder.folderItems().isEmpty() ? null : folder.folderItems();
                },
                unread);
        list(path + ".FolderItems", folder.folderItems(), unread, UnreadMembers::ref);
    }

    private static void ref(String path, ItemRef item, List<String> unread) {
        members(
                path,
                item.extensions(),
                ITEM_REF,
                name -> switch (name) {
                    case "InternetMessageId" -> item.internetMessageId();
                    case "Id" -> item.id();
                    case "SizeInBytes" -> item.sizeInBytes();
                    default -> item.subject();
                },
                unread);
    }

    private interface Typed {
        Object value(String name);
    }

    private static void members(
            String path, Map<String, Object> kept, Set<String> modelled, Typed typed, List<String> unread) {
        if (kept.isEmpty()) {
            return;
        }
        kept.forEach((name, value) -> {
            if (modelled.contains(name) && typed.value(name) == null) {
                unread.add(warning(path + "." + name, value));
            }
        });
    }

    private static String warning(String path, Object value) {
        return path + ": " + describe(value) + " kept as written, not read";
    }

    private static boolean read(AuditDataField field, AuditRecord record) {
        return switch (field) {
            // Their extension is the text as spelled, kept beside the value read from it.
            case CREATION_TIME, RECORD_TYPE -> true;
            case ID -> record.id() != null;
            case OPERATION -> record.operation() != null;
            case ORGANIZATION_ID -> record.organizationId() != null;
            case RESULT_STATUS -> record.resultStatus() != null;
            case USER_KEY -> record.userKey() != null;
            case USER_TYPE -> record.userType() != null;
            case VERSION -> record.version() != null;
            case WORKLOAD -> record.workload() != null;
            case CLIENT_IP -> record.clientIp() != null;
            case OBJECT_ID -> record.objectId() != null;
            case USER_ID -> record.userId() != null;
            case LOGON_TYPE -> record.logonType() != null;
            case INTERNAL_LOGON_TYPE -> record.internalLogonType() != null;
            case MAILBOX_GUID -> record.mailboxGuid() != null;
            case MAILBOX_OWNER_UPN -> record.mailboxOwnerUpn() != null;
            case MAILBOX_OWNER_SID -> record.mailboxOwnerSid() != null;
            case LOGON_USER_SID -> record.logonUserSid() != null;
            case LOGON_USER_DISPLAY_NAME -> record.logonUserDisplayName() != null;
            case EXTERNAL_ACCESS -> record.externalAccess() != null;
            case ORGANIZATION_NAME -> record.organizationName() != null;
            case ORIGINATING_SERVER -> record.originatingServer() != null;
            case CLIENT_INFO_STRING -> record.clientInfoString() != null;
            case CLIENT_IP_ADDRESS -> record.clientIpAddress() != null;
            case CLIENT_PROCESS_NAME -> record.clientProcessName() != null;
            case CLIENT_VERSION -> record.clientVersion() != null;
            case SESSION_ID -> record.sessionId() != null;
            case APP_ID -> record.appId() != null;
            case CLIENT_APP_ID -> record.clientAppId() != null;
            case OPERATION_PROPERTIES -> record.operationProperties() != null;
            case PARAMETERS -> record.parameters() != null;
            case ITEM -> record.item() != null;
            case FOLDER -> record.folder() != null;
            case DEST_FOLDER -> record.destFolder() != null;
            case AFFECTED_ITEMS -> record.affectedItems() != null;
            case CROSS_MAILBOX_OPERATION -> record.crossMailboxOperation() != null;
            case OPERATION_COUNT -> record.operationCount() != null;
            case FOLDERS -> record.folders() != null;
            case MAIL_TRAIL_SYNCED_ITEMS -> record.syncedItems() != null;
        };
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String text ->
                "the text "
                        + (text.length() <= QUOTED_TEXT_LIMIT
                                ? '"' + text + '"'
                                : '"' + text.substring(0, QUOTED_TEXT_LIMIT) + "…\"");
            case Number number -> "the number " + number;
            case Boolean bool -> bool.toString();
            case List<?> array -> "an array";
            case Map<?, ?> object -> "an object";
            default -> value.getClass().getSimpleName();
        };
    }
}
