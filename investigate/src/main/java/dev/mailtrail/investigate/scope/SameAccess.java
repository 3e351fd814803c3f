package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One access, one record: the same access exported twice in different shapes (a {@code Search-MailboxAuditLog} row
 * and the unified audit log's record of it: same operation, mailbox, second, session and items) is kept once, in
 * its richer form. A mailbox audit log row has no {@code Id}, so it joins the alike record that has one.
 */
final class SameAccess {
    private SameAccess() {}

    /** The records with each access once, in the order first seen. */
    static List<AuditRecord> once(List<AuditRecord> records) {
        List<AuditRecord> kept = new ArrayList<>(records.size());
        Map<String, List<Integer>> byAccess = new HashMap<>();
        for (AuditRecord record : records) {
            List<Integer> alike = byAccess.computeIfAbsent(key(record), unused -> new ArrayList<>());
            Integer same = null;
            for (int index : alike) {
                if (compatible(kept.get(index), record)) {
                    same = index;
                    break;
                }
            }
            if (same == null) {
                alike.add(kept.size());
                kept.add(record);
            } else {
                kept.set(same, richer(kept.get(same), record));
            }
        }
        return kept;
    }

    /**
     * Whether two records alike in every key may be one access: one is a mailbox audit log row (no Id) of a
     * mailbox, the other has an Id. Two rows without an Id, or two records with Ids, stay apart: alike but for a
     * field the key leaves out (a source port, an anonymised Id) they are two events, and the importer already
     * keeps exact copies once.
     */
    private static boolean compatible(AuditRecord a, AuditRecord b) {
        return (a.id() == null) != (b.id() == null) && hasMailbox(a) && hasMailbox(b);
    }

    /** The richer of the two, at the more precise of their times: one export gives fractions, another not. */
    private static AuditRecord richer(AuditRecord a, AuditRecord b) {
        AuditRecord richer = richness(b) > richness(a) ? b : a;
        AuditRecord other = richer == a ? b : a;
        if (richer.creationTime().getNano() == 0 && other.creationTime().getNano() != 0) {
            return richer.toBuilder().creationTime(other.creationTime()).build();
        }
        return richer;
    }

    private static boolean hasMailbox(AuditRecord record) {
        return record.mailboxOwnerUpn() != null || record.mailboxGuid() != null;
    }

    private static String key(AuditRecord record) {
        String mailbox = record.mailboxOwnerUpn() != null ? record.mailboxOwnerUpn() : record.mailboxGuid();
        return String.join(
                "\u0000",
                lower(record.operation()),
                lower(mailbox),
                record.creationTime().truncatedTo(ChronoUnit.SECONDS).toString(),
                Objects.toString(record.sessionId(), ""),
                items(record));
    }

    /** The messages the record names, in a fixed order: InternetMessageId where known, else the item Id. */
    private static String items(AuditRecord record) {
        TreeSet<String> keys = new TreeSet<>();
        if (record.folders() != null) {
            for (FolderItems folder : record.folders()) {
                for (ItemRef item : folder.folderItems()) {
                    keys.add(messageKey(item.internetMessageId(), item.id()));
                }
            }
        }
        if (record.item() != null) {
            keys.add(messageKey(record.item().internetMessageId(), record.item().id()));
        }
        if (record.affectedItems() != null) {
            for (RecordItem item : record.affectedItems()) {
                keys.add(messageKey(item.internetMessageId(), item.id()));
            }
        }
        return String.join(",", keys);
    }

    private static String messageKey(String internetMessageId, String id) {
        return internetMessageId != null ? internetMessageId : Objects.toString(id, "");
    }

    /** How much the record tells: an Id of the unified log first, then how many fields it has. */
    private static int richness(AuditRecord record) {
        int fields = record.extensions().size();
        for (Object value : new Object[] {
            record.userKey(),
            record.clientIp(),
            record.clientIpAddress(),
            record.clientInfoString(),
            record.organizationId(),
            record.objectId(),
            record.mailboxGuid(),
            record.mailboxOwnerSid(),
            record.logonUserSid(),
            record.appId(),
            record.clientAppId(),
            record.operationProperties(),
            record.operationCount(),
            record.item(),
            record.folders(),
            record.affectedItems(),
            record.folder()
        }) {
            fields += value == null ? 0 : 1;
        }
        return (record.id() == null ? 0 : 1_000) + fields;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
