package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.core.record.RecordType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Shapes records as Exchange does (exchange-audit.md §6): the common and mailbox fields from the event and the
 * organisation, then the part of each record type: ExchangeItem's {@code Item}, ExchangeItemGroup's
 * {@code Folder}/{@code AffectedItems}, ExchangeItemAggregated's {@code Folders}/{@code OperationCount},
 * ExchangeAdmin's {@code Parameters}.
 */
final class RecordFactory {
    static final String WORKLOAD = "Exchange";
    static final int USER_TYPE_REGULAR = 0;
    static final int USER_TYPE_ADMIN = 2;

    private final IdSource ids;
    private final Map<String, String> mailboxGuids = new HashMap<>();

    RecordFactory(IdSource ids) {
        this.ids = ids;
    }

    /** Which record type an audited action makes. */
    static int recordTypeOf(MailboxAction action) {
        return switch (action) {
            case MAIL_ITEMS_ACCESSED -> RecordType.EXCHANGE_ITEM_AGGREGATED;
            case FOLDER_BIND, COPY, MOVE, MOVE_TO_DELETED_ITEMS, SOFT_DELETE, HARD_DELETE, RECORD_DELETE ->
                RecordType.EXCHANGE_ITEM_GROUP;
            case SEARCH_QUERY_INITIATED -> RecordType.EXCHANGE_SEARCH;
            case ADD_FOLDER_PERMISSIONS,
                    APPLY_RECORD,
                    CREATE,
                    MAILBOX_LOGIN,
                    MESSAGE_BIND,
                    MODIFY_FOLDER_PERMISSIONS,
                    REMOVE_FOLDER_PERMISSIONS,
                    SEND,
                    SEND_AS,
                    SEND_ON_BEHALF,
                    UPDATE,
                    UPDATE_CALENDAR_DELEGATION,
                    UPDATE_COMPLIANCE_TAG,
                    UPDATE_FOLDER_PERMISSIONS,
                    UPDATE_INBOX_RULES -> RecordType.EXCHANGE_ITEM;
        };
    }

    /** A MailItemsAccessed record from a closed window; CreationTime is the first access. */
    AuditRecord aggregated(OrganizationConfig organization, AccessWindow window, boolean throttled) {
        MailboxAccess first = window.first;
        List<FolderItems> folders = new ArrayList<>(window.folderCount());
        window.forEachFolder((folder, items) -> folders.add(new FolderItems(folder.id(), folder.path(), items)));
        boolean sync = first.accessType() == MailAccessType.SYNC;
        List<ItemRef> synced = null;
        if (sync) {
            List<ItemRef> all = new ArrayList<>();
            window.forEachFolder((folder, items) -> all.addAll(items));
            synced = all.isEmpty() ? null : all;
            folders.replaceAll(f -> new FolderItems(f.id(), f.path(), List.of()));
        }
        return mailboxRecord(organization, first, window.start, RecordType.EXCHANGE_ITEM_AGGREGATED)
                .operationProperties(List.of(
                        new NameValue(
                                AuditRecord.MAIL_ACCESS_TYPE, first.accessType().exchangeName()),
                        new NameValue(AuditRecord.IS_THROTTLED, throttled ? "True" : "False")))
                .operationCount(window.operationCount)
                .folders(folders)
                .syncedItems(synced)
                .build();
    }

    /** ExchangeItem records: one per item, or one with the folder as its item, or one without an item. */
    List<AuditRecord> items(OrganizationConfig organization, MailboxAccess access) {
        if (access.items().isEmpty()) {
            RecordItem item = access.folder() == null
                    ? null
                    : new RecordItem(access.folder().id(), null, null, null, access.folder());
            return List.of(itemRecord(organization, access, item));
        }
        List<AuditRecord> records = new ArrayList<>(access.items().size());
        for (ItemRef item : access.items()) {
            records.add(itemRecord(organization, access, recordItem(item, access.folder())));
        }
        return records;
    }

    private AuditRecord itemRecord(OrganizationConfig organization, MailboxAccess access, RecordItem item) {
        return mailboxRecord(organization, access, access.time(), RecordType.EXCHANGE_ITEM)
                .operationProperties(nonEmpty(access.parameters()))
                .item(item)
                .build();
    }

    /** An ExchangeItemGroup record: moves, copies, deletes, folder binds. */
    AuditRecord itemGroup(OrganizationConfig organization, MailboxAccess access) {
        List<RecordItem> affected = null;
        if (!access.items().isEmpty()) {
            affected = new ArrayList<>(access.items().size());
            for (ItemRef item : access.items()) {
                affected.add(recordItem(item, access.folder()));
            }
        }
        return mailboxRecord(organization, access, access.time(), RecordType.EXCHANGE_ITEM_GROUP)
                .operationProperties(nonEmpty(access.parameters()))
                .folder(access.folder())
                .destFolder(access.destFolder())
                .affectedItems(affected)
                .crossMailboxOperation(false)
                .build();
    }

    /** SearchQueryInitiated, as the unified log names it: {@code SearchQueryInitiatedExchange}. */
    AuditRecord search(OrganizationConfig organization, MailboxAccess access) {
        return mailboxRecord(organization, access, access.time(), RecordType.EXCHANGE_SEARCH)
                .operation("SearchQueryInitiatedExchange")
                .operationProperties(nonEmpty(access.parameters()))
                .build();
    }

    /** The admin record every configuration change leaves, accepted or refused. */
    AuditRecord admin(OrganizationConfig organization, CmdletInvocation invocation, CmdletOutcome outcome) {
        return AuditRecord.builder()
                .creationTime(invocation.time())
                .id(ids.nextId())
                .operation(outcome.cmdlet())
                .organizationId(organization.organizationId())
                .recordType(RecordType.EXCHANGE_ADMIN)
                .resultStatus(outcome.succeeded() ? "True" : "False")
                .userKey(invocation.actor())
                .userType(USER_TYPE_ADMIN)
                .version(1)
                .workload(WORKLOAD)
                .clientIp(invocation.session().clientIp())
                .objectId(outcome.objectId())
                .userId(invocation.actor())
                .appId(invocation.session().appId())
                .externalAccess(false)
                .organizationName(organization.organizationName())
                .parameters(outcome.parameters())
                .sessionId(invocation.session().id())
                .build();
    }

    private AuditRecord.Builder mailboxRecord(
            OrganizationConfig organization, MailboxAccess access, Instant creationTime, int recordType) {
        LogonType logonType = access.logonType();
        return AuditRecord.builder()
                .creationTime(creationTime)
                .id(ids.nextId())
                .operation(access.operation().exchangeName())
                .organizationId(organization.organizationId())
                .recordType(recordType)
                .resultStatus(access.result().exchangeName())
                .userKey(access.actor())
                .userType(logonType == LogonType.ADMIN ? USER_TYPE_ADMIN : USER_TYPE_REGULAR)
                .version(1)
                .workload(WORKLOAD)
                .clientIp(access.session().clientIp())
                .objectId(access.mailbox())
                .userId(access.actor())
                .appId(access.session().appId())
                .clientIpAddress(access.session().clientIp())
                .clientInfoString(access.session().clientInfo())
                .externalAccess(false)
                .internalLogonType(logonType.value())
                .logonType(logonType.value())
                .logonUserDisplayName(access.actor())
                .mailboxGuid(mailboxGuid(access.mailbox()))
                .mailboxOwnerUpn(access.mailbox())
                .organizationName(organization.organizationName())
                .sessionId(access.session().id());
    }

    private String mailboxGuid(String mailbox) {
        return mailboxGuids.computeIfAbsent(mailbox, m -> UUID.nameUUIDFromBytes(
                        ("mailbox:" + m.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    private static RecordItem recordItem(ItemRef item, FolderRef parent) {
        return new RecordItem(item.id(), item.subject(), item.internetMessageId(), item.sizeInBytes(), parent);
    }

    private static List<NameValue> nonEmpty(List<NameValue> parameters) {
        return parameters.isEmpty() ? null : parameters;
    }
}
