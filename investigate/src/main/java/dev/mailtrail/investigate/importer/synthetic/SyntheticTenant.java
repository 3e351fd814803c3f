package dev.mailtrail.investigate.importer.synthetic;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A tenant's Exchange audit records as Microsoft writes them, one after another in time, drawn from a seeded
 * random source: mostly MailItemsAccessed (Bind from Outlook on the web and mobile, Sync from desktop Outlook),
 * sends, moves and deletes, the occasional admin cmdlet; and one compromised mailbox read from the attacker's
 * address (with a source port, as Exchange logs it), where an inbox rule forwards mail out and reading gets
 * throttled. The same seed gives the same records.
 */
final class SyntheticTenant {
    private static final String ORGANIZATION_ID = "0b7f3e2a-7c1d-4e5f-9a8b-1c2d3e4f5a6b";
    private static final String ORGANIZATION = "contoso.onmicrosoft.com";
    private static final String ATTACKER_IP = "203.0.113.5";
    private static final String VICTIM = "user0007@contoso.example";
    private static final String[] FOLDERS = {
        "\\Inbox", "\\Sent Items", "\\Archive", "\\Inbox\\Finance", "\\Boîte de réception"
    };
    private static final String[] CLIENTS = {
        "Client=OWA;Action=ViaProxy",
        "Client=MSExchangeRPC",
        "Client=REST;Client=RESTSystem;;",
        "Client=OutlookService;Outlook-iOS/2.0;"
    };
    private static final String[] SUBJECTS = {
        "Invoice 4471 overdue",
        "Updated bank details",
        "RE: March payroll",
        "Board minutes",
        "Wire transfer confirmation",
        "Your MFA code",
        "Project Falcon budget",
        "Contract renewal"
    };

    private final SplittableRandom random;
    private final int mailboxes;
    private Instant now = Instant.parse("2026-03-01T00:00:00Z");

    SyntheticTenant(long seed, int mailboxes) {
        this.random = new SplittableRandom(seed);
        this.mailboxes = mailboxes;
    }

    /** The next record, a little later than the last. */
    AuditRecord next() {
        now = now.plusMillis(random.nextLong(1, 4_000));
        int roll = random.nextInt(1000);
        if (roll < 680) {
            return bind(random.nextInt(20) == 0);
        }
        if (roll < 760) {
            return sync();
        }
        if (roll < 840) {
            return send();
        }
        if (roll < 960) {
            return moveToDeletedItems();
        }
        if (roll < 990) {
            return updateInboxRules();
        }
        return forwardingCmdlet();
    }

    private AuditRecord bind(boolean attacker) {
        String owner = attacker ? VICTIM : mailbox();
        int count = 1 + random.nextInt(6);
        List<ItemRef> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new ItemRef(messageId(), null, random.nextLong(2_000, 900_000), null));
        }
        boolean throttled = attacker && random.nextInt(50) == 0;
        return mailbox(owner, attacker, "MailItemsAccessed", 50)
                .operationProperties(List.of(
                        new NameValue("MailAccessType", "Bind"),
                        new NameValue("IsThrottled", throttled ? "True" : "False")))
                .folders(List.of(new FolderItems(folderId(), folder(), items)))
                .operationCount(count)
                .build();
    }

    private AuditRecord sync() {
        return mailbox(mailbox(), false, "MailItemsAccessed", 50)
                .clientInfoString("Client=MSExchangeRPC")
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Sync"), new NameValue("IsThrottled", "False")))
                .folders(List.of(new FolderItems(folderId(), folder(), List.of())))
                .operationCount(1)
                .build();
    }

    private AuditRecord send() {
        return mailbox(mailbox(), false, "Send", 2)
                .item(new RecordItem(
                        itemId(),
                        subject(),
                        messageId(),
                        random.nextLong(2_000, 400_000),
                        new FolderRef(folderId(), "\\Sent Items")))
                .build();
    }

    private AuditRecord moveToDeletedItems() {
        return mailbox(mailbox(), false, "MoveToDeletedItems", 3)
                .folder(new FolderRef(folderId(), "\\Inbox"))
                .destFolder(new FolderRef(folderId(), "\\Deleted Items"))
                .affectedItems(List.of(
                        new RecordItem(itemId(), subject(), messageId(), null, new FolderRef(folderId(), "\\Inbox"))))
                .crossMailboxOperation(false)
                .build();
    }

    private AuditRecord updateInboxRules() {
        return mailbox(VICTIM, true, "UpdateInboxRules", 2)
                .operationProperties(List.of(
                        new NameValue(
                                "RuleActions",
                                "[{\"Actions\":[{\"Recipients\":[\"attacker@evil.example\"],"
                                        + "\"ActionType\":\"ForwardToRecipientsAction\"}]}]"),
                        new NameValue("RuleName", "."),
                        new NameValue("RuleOperation", "AddMailboxRule")))
                .build();
    }

    private AuditRecord forwardingCmdlet() {
        return AuditRecord.builder()
                .creationTime(now)
                .id(uuid())
                .operation("New-InboxRule")
                .organizationId(ORGANIZATION_ID)
                .recordType(1)
                .resultStatus("True")
                .userKey("1003200" + Long.toHexString(random.nextLong(1L << 36)).toUpperCase())
                .userType(0)
                .version(1)
                .workload("Exchange")
                .clientIp(ATTACKER_IP + ':' + random.nextInt(1024, 65_536))
                .objectId(ORGANIZATION + "/" + VICTIM + "\\.")
                .userId(VICTIM)
                .externalAccess(false)
                .organizationName(ORGANIZATION)
                .originatingServer("AM6PR04MB1234 (15.20.7452.023)")
                .parameters(List.of(
                        new NameValue("Name", "."),
                        new NameValue("ForwardTo", "attacker@evil.example"),
                        new NameValue("SubjectOrBodyContainsWords", "invoice;payment;wire"),
                        new NameValue("StopProcessingRules", "True")))
                .build();
    }

    private AuditRecord.Builder mailbox(String owner, boolean attacker, String operation, int recordType) {
        String ip = attacker ? ATTACKER_IP : "10.20." + random.nextInt(256) + "." + random.nextInt(1, 255);
        return AuditRecord.builder()
                .creationTime(now)
                .id(uuid())
                .operation(operation)
                .organizationId(ORGANIZATION_ID)
                .recordType(recordType)
                .resultStatus("Succeeded")
                .userKey("1003200" + Integer.toHexString(owner.hashCode()).toUpperCase())
                .userType(0)
                .version(1)
                .workload("Exchange")
                .clientIp(attacker ? ip + ':' + random.nextInt(1024, 65_536) : ip)
                .userId(owner)
                .appId("00000002-0000-0ff1-ce00-000000000000")
                .clientAppId("")
                .clientIpAddress(ip)
                .clientInfoString(attacker ? CLIENTS[0] : CLIENTS[random.nextInt(CLIENTS.length)])
                .externalAccess(false)
                .internalLogonType(0)
                .logonType(0)
                .logonUserSid("S-1-5-21-1111111111-2222222222-3333333333-" + (1000 + Math.abs(owner.hashCode() % 9000)))
                .mailboxGuid(new UUID(owner.hashCode(), 42).toString())
                .mailboxOwnerSid(
                        "S-1-5-21-1111111111-2222222222-3333333333-" + (1000 + Math.abs(owner.hashCode() % 9000)))
                .mailboxOwnerUpn(owner)
                .organizationName(ORGANIZATION)
                .originatingServer("AM6PR04MB" + (1000 + random.nextInt(9000)) + " (15.20.7452.023)")
                .sessionId(new UUID(owner.hashCode(), now.getEpochSecond() / 3600).toString());
    }

    private String mailbox() {
        return "user%04d@contoso.example".formatted(random.nextInt(mailboxes));
    }

    private String messageId() {
        return "<" + Long.toHexString(random.nextLong()) + "." + Integer.toHexString(random.nextInt())
                + "@contoso.example>";
    }

    private String itemId() {
        return "RgAAAA" + Long.toHexString(random.nextLong()).toUpperCase() + "AAAAAAEMAAAB";
    }

    private String folderId() {
        return "LgAAAAAmQ2CWqOdYRL4AAAAAAQ"
                + Integer.toHexString(random.nextInt(4096)).toUpperCase();
    }

    private String folder() {
        return FOLDERS[random.nextInt(FOLDERS.length)];
    }

    private String subject() {
        return SUBJECTS[random.nextInt(SUBJECTS.length)];
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
