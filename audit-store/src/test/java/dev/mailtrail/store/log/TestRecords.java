package dev.mailtrail.store.log;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records as the audit core makes them, small enough to read in a test. */
final class TestRecords {
    private TestRecords() {}

    static AuditRecord bind(String mailbox, Instant time, String messageId, String subject, String ip) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(UUID.nameUUIDFromBytes((mailbox + time + messageId).getBytes())
                        .toString())
                .operation("MailItemsAccessed")
                .recordType(50)
                .resultStatus("Succeeded")
                .userId(mailbox)
                .clientIp(ip + ":51234")
                .logonType(0)
                .mailboxOwnerUpn(mailbox)
                .clientIpAddress(ip)
                .sessionId("session-1")
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Bind"), new NameValue("IsThrottled", "False")))
                .operationCount(1)
                .folders(List.of(
                        new FolderItems("inbox-id", "\\Inbox", List.of(new ItemRef(messageId, null, 1234L, subject)))))
                .build();
    }

    static AuditRecord login(String mailbox, Instant time) {
        return AuditRecord.builder()
                .creationTime(time)
                .id(UUID.nameUUIDFromBytes((mailbox + time + "login").getBytes())
                        .toString())
                .operation("MailboxLogin")
                .recordType(2)
                .resultStatus("Succeeded")
                .userId(mailbox)
                .logonType(0)
                .mailboxOwnerUpn(mailbox)
                .folder(new FolderRef(null, "\\"))
                .build();
    }
}
