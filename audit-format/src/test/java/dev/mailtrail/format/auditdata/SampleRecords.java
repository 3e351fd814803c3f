package dev.mailtrail.format.auditdata;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.core.record.RecordType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built records of each type MailTrail produces, shaped as exchange-audit.md §6 documents them. */
final class SampleRecords {
    static final FolderRef INBOX = new FolderRef("LgAAAAB2a0Inbox", "\\Inbox");
    static final FolderRef DELETED_ITEMS = new FolderRef("LgAAAAB2a0Deleted", "\\Deleted Items");
    static final FolderRef FINANCE = new FolderRef("LgAAAAB2a0Finance", "\\Finance\\2026");

    private SampleRecords() {}

    /** The fields every mailbox record carries, for a delegate reading Alice's mailbox over IMAP. */
    static AuditRecord.Builder mailboxRecord() {
        return AuditRecord.builder()
                .creationTime(Instant.parse("2026-03-02T09:14:07Z"))
                .id("5c1e4f1a-9a39-4d1c-8f43-0d6f6a1f2b11")
                .organizationId("0b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0")
                .resultStatus("Succeeded")
                .userKey("10032001A1B2C3D4")
                .userType(0)
                .version(1)
                .workload("Exchange")
                .clientIp("203.0.113.7")
                .userId("bob@contoso.example")
                .logonType(1)
                .internalLogonType(1)
                .mailboxGuid("8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d")
                .mailboxOwnerUpn("alice@contoso.example")
                .mailboxOwnerSid("S-1-5-21-1111111111-2222222222-3333333333-1001")
                .logonUserSid("S-1-5-21-1111111111-2222222222-3333333333-1002")
                .logonUserDisplayName("Bob Ó Briain")
                .externalAccess(false)
                .organizationName("contoso.example")
                .originatingServer("mailtrail-1 (0.1.0)")
                .clientInfoString("Client=IMAP4;Thunderbird/128.0")
                .clientIpAddress("203.0.113.7")
                .sessionId("3f2e1d0c-b5a4-4938-8271-6c5d4e3f2a1b");
    }

    static AuditRecord send() {
        return mailboxRecord()
                .operation("Send")
                .recordType(RecordType.EXCHANGE_ITEM)
                .objectId("<CAF=quarterly@contoso.example>")
                .item(new RecordItem(
                        "RgAAAAB2a0Send",
                        "Quarterly \"figures\"",
                        "<CAF=quarterly@contoso.example>",
                        48_213L,
                        new FolderRef("LgAAAAB2a0Sent", "\\Sent Items")))
                .build();
    }

    static AuditRecord moveToDeletedItems() {
        return mailboxRecord()
                .operation("MoveToDeletedItems")
                .recordType(RecordType.EXCHANGE_ITEM_GROUP)
                .folder(INBOX)
                .destFolder(DELETED_ITEMS)
                .affectedItems(List.of(
                        new RecordItem("RgAAAAB2a0One", "Invoice 17", "<one@contoso.example>", 1_024L, INBOX),
                        new RecordItem("RgAAAAB2a0Two", null, "<two@contoso.example>", null, null)))
                .crossMailboxOperation(false)
                .build();
    }

    static AuditRecord bind() {
        return mailboxRecord()
                .operation("MailItemsAccessed")
                .recordType(RecordType.EXCHANGE_ITEM_AGGREGATED)
                .operationProperties(List.of(
                        new NameValue(AuditRecord.MAIL_ACCESS_TYPE, "Bind"),
                        new NameValue(AuditRecord.IS_THROTTLED, "False")))
                .operationCount(3)
                .folders(List.of(
                        new FolderItems(
                                INBOX.id(),
                                INBOX.path(),
                                List.of(
                                        new ItemRef("<a@contoso.example>", "RgAAAAB2a0A", 5_120L, "Payroll"),
                                        new ItemRef("<d@contoso.example>", null, null, null))),
                        new FolderItems(
                                FINANCE.id(),
                                FINANCE.path(),
                                List.of(new ItemRef(null, "RgAAAAB2a0E", 3_000_000_000L, null)))))
                .build();
    }

    static AuditRecord sync() {
        return mailboxRecord()
                .operation("MailItemsAccessed")
                .recordType(RecordType.EXCHANGE_ITEM_AGGREGATED)
                .operationProperties(List.of(
                        new NameValue(AuditRecord.MAIL_ACCESS_TYPE, "Sync"),
                        new NameValue(AuditRecord.IS_THROTTLED, "False")))
                .operationCount(1)
                .folders(List.of(new FolderItems(FINANCE.id(), FINANCE.path(), List.of())))
                .syncedItems(List.of(
                        new ItemRef("<f@contoso.example>", "RgAAAAB2a0F", 812L, "Budget"),
                        new ItemRef("<g@contoso.example>", null, null, null)))
                .build();
    }

    static AuditRecord searchQueryInitiated() {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("QueryText", "from:carol invoice");
        search.put("QuerySource", "OWA");
        search.put("ScenarioName", "conversation");
        return mailboxRecord()
                .operation("SearchQueryInitiatedExchange")
                .recordType(RecordType.EXCHANGE_SEARCH)
                .extensions(search)
                .build();
    }

    static AuditRecord adminCmdlet() {
        return AuditRecord.builder()
                .creationTime(Instant.parse("2026-03-02T08:00:00Z"))
                .id("e3b0c442-98fc-1c14-9afb-f4c8996fb924")
                .operation("Set-Mailbox")
                .organizationId("0b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0")
                .recordType(RecordType.EXCHANGE_ADMIN)
                .resultStatus("True")
                .userKey("admin@contoso.example")
                .userType(2)
                .version(1)
                .workload("Exchange")
                .objectId("alice")
                .userId("admin@contoso.example")
                .externalAccess(false)
                .parameters(
                        List.of(new NameValue("Identity", "alice"), new NameValue("AuditOwner", "MailItemsAccessed")))
                .build();
    }
}
