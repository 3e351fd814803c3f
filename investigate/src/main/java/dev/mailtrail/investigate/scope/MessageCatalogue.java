package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What any record of the case tells about a message, by InternetMessageId (and by item Id): the subject from an
 * Item, AffectedItems or a MailTrail FolderItems entry; the sender and date from a Send, SendAs or SendOnBehalf,
 * whose mailbox sent it then. A message trace adds sender and date for received mail through {@link #learn}.
 */
public final class MessageCatalogue {
    private final Map<String, KnownMessage> messages = new HashMap<>();

    /** Learns what the record says about the messages it names. */
    public void learn(AuditRecord record) {
        if (record.item() != null) {
            String sender = sentBy(record);
            learn(record.item(), sender, sender == null ? null : record.creationTime());
        }
        if (record.affectedItems() != null) {
            record.affectedItems().forEach(item -> learn(item, null, null));
        }
        if (record.folders() != null) {
            for (FolderItems folder : record.folders()) {
                for (ItemRef item : folder.folderItems()) {
                    if (item.subject() != null) {
                        learn(item.internetMessageId(), item.id(), new KnownMessage(item.subject(), null, null));
                    }
                }
            }
        }
        if (record.syncedItems() != null) {
            for (ItemRef item : record.syncedItems()) {
                if (item.subject() != null) {
                    learn(item.internetMessageId(), item.id(), new KnownMessage(item.subject(), null, null));
                }
            }
        }
    }

    /** Learns a message from another source (a message trace row). */
    public void learn(String internetMessageId, KnownMessage message) {
        learn(internetMessageId, null, message);
    }

    /** What is known of the message, {@link KnownMessage#UNKNOWN} when nothing is. */
    public KnownMessage resolve(String internetMessageId, String itemId) {
        KnownMessage byMessageId = internetMessageId == null ? null : messages.get(key(internetMessageId));
        KnownMessage byItemId = itemId == null ? null : messages.get(itemId);
        if (byMessageId == null) {
            return byItemId == null ? KnownMessage.UNKNOWN : byItemId;
        }
        return byItemId == null ? byMessageId : byMessageId.orElse(byItemId);
    }

    private void learn(RecordItem item, String sender, Instant date) {
        if (item.subject() != null || sender != null) {
            learn(item.internetMessageId(), item.id(), new KnownMessage(item.subject(), sender, date));
        }
    }

    private void learn(String internetMessageId, String itemId, KnownMessage message) {
        if (internetMessageId != null) {
            messages.merge(key(internetMessageId), message, KnownMessage::orElse);
        }
        if (itemId != null) {
            messages.merge(itemId, message, KnownMessage::orElse);
        }
    }

    private static String sentBy(AuditRecord record) {
        String operation = record.operation();
        if ("Send".equals(operation) || "SendAs".equals(operation) || "SendOnBehalf".equals(operation)) {
            return record.mailboxOwnerUpn() != null ? record.mailboxOwnerUpn() : record.userId();
        }
        return null;
    }

    /** InternetMessageIds compare without their angle brackets, which some exports drop. */
    private static String key(String internetMessageId) {
        String id = internetMessageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }
}
