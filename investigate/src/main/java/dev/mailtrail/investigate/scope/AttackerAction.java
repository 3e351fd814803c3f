package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.NameValue;
import java.time.Instant;
import java.util.List;

/**
 * Something the attacker did besides reading: a send, an inbox rule, a permission, a delete, a move.
 *
 * @param operation the record's Operation ({@code New-InboxRule}, {@code SendAs} …)
 * @param summary the action in words, with its parameters ({@code forwards to x@evil.example; when the subject
 *     contains "invoice"})
 * @param details the parameters or properties the summary comes from, as recorded
 * @param items how many mail items it touched (sent, deleted, moved), 0 for the others
 * @param messages the messages it touched, by InternetMessageId or else item Id, where the record names them; a
 *     message moved to Deleted Items, soft-deleted and hard-deleted is one message in three actions
 */
public record AttackerAction(
        Instant time,
        Kind kind,
        String operation,
        String summary,
        List<NameValue> details,
        int items,
        List<String> messages,
        AccessContext access) {
    public AttackerAction {
        details = details == null ? List.of() : List.copyOf(details);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** What sort of action, as an analyst sorts them. */
    public enum Kind {
        SEND("sent"),
        INBOX_RULE("inbox rule"),
        MAILBOX_FORWARDING("mailbox forwarding"),
        PERMISSION("permission"),
        DELETE("deleted"),
        MOVE("moved"),
        SEARCH("searched"),
        SIGN_IN("signed in"),
        AUDIT_CHANGE("audit change"),
        OTHER("other");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
