package dev.mailtrail.investigate.mailboxes;

/**
 * Two names of one mailbox and what says so: the first record that tied them ({@code record 5f3c… (New-InboxRule
 * 2026-03-02T09:00:00Z): ObjectId names the mailbox of UserId}) or a Get-Mailbox export's row, and how many
 * records tied them in all.
 */
public record IdentityLink(MailboxName name, MailboxName other, String evidence, long records) {
    IdentityLink withOneMore() {
        return new IdentityLink(name, other, evidence, records + 1);
    }
}
