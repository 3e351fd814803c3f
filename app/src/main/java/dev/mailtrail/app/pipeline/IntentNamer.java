package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.event.ItemRef;
import java.util.List;

/**
 * Names, from the mail server, the messages of intents the journal's replay left open with no identity (the process
 * stopped after their bytes may have gone out, before the answer that named them was journaled): what it finds is
 * journaled with their resolution, so that their records say which messages they were (docs/decisions/0011).
 * Called once, while the pipeline opens: it answers within its own time bound, and what it cannot name (no
 * answer, the folder's UIDVALIDITY changed, the message gone) stays recorded by UID.
 */
@FunctionalInterface
public interface IntentNamer {

    /** Names nothing: the items stay recorded by UID. */
    IntentNamer NONE = items -> List.of();

    /** A message an open intent named by UID only: {@code itemId} is {@code mailbox/folder;uidvalidity=N;uid=U}. */
    record Unnamed(String mailbox, String folder, long uidValidity, long uid, String itemId) {

        /** {@code mailbox/folder;uidvalidity=N;uid=U} as its parts; null for any other id (a sequence number, POP3). */
        public static Unnamed parse(String mailbox, String itemId) {
            int uidAt = itemId.lastIndexOf(";uid=");
            int validityAt = itemId.lastIndexOf(";uidvalidity=", uidAt);
            if (mailbox == null || uidAt < 0 || validityAt < 0 || !itemId.startsWith(mailbox + "/")) {
                return null;
            }
            try {
                long uid = Long.parseLong(itemId.substring(uidAt + 5));
                long validity = Long.parseLong(itemId.substring(validityAt + 13, uidAt));
                String folder = itemId.substring(mailbox.length() + 1, validityAt);
                return new Unnamed(mailbox, folder, validity, uid, itemId);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * What the server says of {@code items}: one {@link ItemRef} per item it could name, carrying the item's id; never
     * throws (a failure is logged, and names nothing).
     */
    List<ItemRef> name(List<Unnamed> items);
}
