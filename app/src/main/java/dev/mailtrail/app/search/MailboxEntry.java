package dev.mailtrail.app.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.format.auditdata.AuditDataException;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.store.log.FoundRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One mailbox audit log entry as {@code Search-MailboxAuditLog -ShowDetails} returns it: the properties Exchange
 * prints, in its order, with the items (ids, subjects, InternetMessageIds) where the record has them. The list view,
 * {@code Export-Csv} and {@code ConvertTo-Json} shapes all write these.
 */
final class MailboxEntry {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditDataReader reader = new AuditDataReader();
    private final boolean foldersAsJson;

    /**
     * @param foldersAsJson {@code AggregatedRecordFoldersData} as the AuditData's {@code Folders} JSON (for files
     *     that are read again, as {@code mt import} does) rather than a line a person reads
     */
    MailboxEntry(boolean foldersAsJson) {
        this.foldersAsJson = foldersAsJson;
    }

    /** The entry's properties, by name, in Exchange's order; absent values are empty text. */
    Map<String, String> properties(FoundRecord found) throws IOException {
        AuditRecord record;
        try {
            record = reader.read(found.auditData());
        } catch (AuditDataException e) {
            throw new IOException("stored record " + found.id() + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> entry = new LinkedHashMap<>();
        property(entry, "Operation", record.operation());
        property(entry, "OperationResult", record.resultStatus());
        property(entry, "LogonType", logonType(record.logonType()));
        property(
                entry,
                "ExternalAccess",
                record.externalAccess() == null ? "" : record.externalAccess() ? "True" : "False");
        property(entry, "FolderId", folder(record.folder(), true));
        property(entry, "FolderPathName", folder(record.folder(), false));
        property(entry, "DestFolderId", folder(record.destFolder(), true));
        property(entry, "DestFolderPathName", folder(record.destFolder(), false));
        property(entry, "ClientInfoString", record.clientInfoString());
        property(
                entry,
                "ClientIPAddress",
                record.clientIpAddress() != null ? record.clientIpAddress() : record.clientIp());
        property(entry, "ClientProcessName", record.clientProcessName());
        property(entry, "ClientVersion", record.clientVersion());
        property(entry, "InternalLogonType", logonType(record.internalLogonType()));
        property(entry, "MailboxGuid", record.mailboxGuid());
        property(entry, "MailboxOwnerUPN", record.mailboxOwnerUpn());
        property(entry, "MailboxOwnerSid", record.mailboxOwnerSid());
        property(entry, "LogonUserSid", record.logonUserSid());
        property(entry, "LogonUserDisplayName", record.logonUserDisplayName());
        property(entry, "SessionId", record.sessionId());
        property(entry, "OperationProperties", pairs(record.operationProperties()));
        items(entry, record);
        property(
                entry,
                "AuditOperationsCountInAggregatedRecord",
                record.operationCount() == null ? "" : record.operationCount().toString());
        property(
                entry,
                "AggregatedRecordFoldersData",
                foldersAsJson ? foldersJson(found.auditData()) : foldersData(record.folders()));
        property(entry, "LastAccessed", ExchangeDates.powerShell(record.creationTime()));
        property(entry, "Identity", record.id());
        return entry;
    }

    private static void items(Map<String, String> entry, AuditRecord record) {
        List<RecordItem> items = new ArrayList<>();
        if (record.item() != null) {
            items.add(record.item());
        }
        if (record.affectedItems() != null) {
            items.addAll(record.affectedItems());
        }
        property(entry, "ItemId", join(items.stream().map(RecordItem::id).toList()));
        property(
                entry,
                "ItemSubject",
                join(items.stream().map(RecordItem::subject).toList()));
        property(
                entry,
                "ItemInternetMessageId",
                join(items.stream().map(RecordItem::internetMessageId).toList()));
    }

    private static String foldersJson(String auditData) throws IOException {
        JsonNode folders = JSON.readTree(auditData).get("Folders");
        return folders == null || folders.isNull() ? "" : JSON.writeValueAsString(folders);
    }

    private static String foldersData(List<FolderItems> folders) {
        if (folders == null || folders.isEmpty()) {
            return "";
        }
        return folders.stream()
                .map(folder -> folder.path() + ": "
                        + folder.folderItems().stream().map(MailboxEntry::item).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ", "{", "}"));
    }

    private static String item(ItemRef item) {
        StringBuilder text = new StringBuilder(item.identity());
        if (item.subject() != null) {
            text.append(" \"").append(item.subject()).append('"');
        }
        if (item.sizeInBytes() != null) {
            text.append(' ').append(item.sizeInBytes()).append(" bytes");
        }
        return text.toString();
    }

    private static String join(List<String> values) {
        List<String> present =
                values.stream().filter(v -> v != null && !v.isEmpty()).toList();
        return present.isEmpty() ? "" : present.size() == 1 ? present.getFirst() : String.join(", ", present);
    }

    private static String pairs(List<NameValue> values) {
        if (values == null || values.isEmpty()) {
            return "{}";
        }
        return values.stream().map(v -> v.name() + ":" + v.value()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String folder(FolderRef folder, boolean id) {
        if (folder == null) {
            return "";
        }
        String value = id ? folder.id() : folder.path();
        return value == null ? "" : value;
    }

    private static String logonType(Integer value) {
        return value == null
                ? ""
                : LogonType.ofValue(value).map(LogonType::cmdletName).orElse(value.toString());
    }

    private static void property(Map<String, String> entry, String name, String value) {
        entry.put(name, value == null ? "" : value);
    }
}
