package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Audit records as Exchange writes them, built in one line each for scope tests. */
final class Records {
    static final String ALICE = "alice@contoso.com";

    private Records() {}

    static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    static AuditRecord.Builder mailbox(String time, String operation, int recordType, String session, String ip) {
        return AuditRecord.builder()
                .creationTime(at(time))
                .id(UUID.nameUUIDFromBytes((time + operation + session + ip).getBytes())
                        .toString())
                .operation(operation)
                .recordType(recordType)
                .resultStatus("Succeeded")
                .workload("Exchange")
                .userId(ALICE)
                .mailboxOwnerUpn(ALICE)
                .logonType(0)
                .clientIp(ip)
                .clientIpAddress(ip)
                .clientInfoString(
                        ip.startsWith("203.") ? "Client=REST;Client=RESTSystem;;" : "Client=OWA;Action=ViaProxy")
                .sessionId(session);
    }

    static AuditRecord bind(String time, String session, String ip, String folder, String... messageIds) {
        List<ItemRef> items = new ArrayList<>();
        for (String id : messageIds) {
            items.add(new ItemRef(id, null, 1_000L, null));
        }
        return mailbox(time, "MailItemsAccessed", 50, session, ip)
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "False")))
                .folders(List.of(new FolderItems("F1", folder, items)))
                .operationCount(items.size())
                .build();
    }

    static AuditRecord throttled(String time, String session, String ip) {
        return bind(time, session, ip, "\\Inbox", "<t@x>").toBuilder()
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "True")))
                .build();
    }

    static AuditRecord sync(String time, String session, String ip, String folder, List<ItemRef> synced) {
        return mailbox(time, "MailItemsAccessed", 50, session, ip)
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Sync"), new NameValue("IsThrottled", "False")))
                .folders(List.of(new FolderItems("F2", folder, List.of())))
                .syncedItems(synced)
                .operationCount(1)
                .build();
    }

    static AuditRecord send(String time, String session, String ip, String subject, String messageId) {
        return mailbox(time, "Send", 2, session, ip)
                .item(new RecordItem("I1", subject, messageId, 2_000L, new FolderRef("S", "\\Sent Items")))
                .build();
    }

    static AuditRecord cmdlet(String time, String operation, String actor, String ip, String... namesAndValues) {
        List<NameValue> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(new NameValue(namesAndValues[i], namesAndValues[i + 1]));
        }
        return AuditRecord.builder()
                .creationTime(at(time))
                .id(UUID.nameUUIDFromBytes((time + operation).getBytes()).toString())
                .operation(operation)
                .recordType(1)
                .resultStatus("True")
                .workload("Exchange")
                .userId(actor)
                .clientIp(ip)
                .objectId(namesAndValues.length > 1 && namesAndValues[0].equals("Identity") ? namesAndValues[1] : null)
                .parameters(parameters)
                .build();
    }
}
