package dev.mailtrail.proxy.smtp.session;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.session.Identity;

/**
 * In whose name a message went out, after Exchange: {@code Send} when From is the user's own address (or missing),
 * {@code SendOnBehalf} when Sender is the user's and From another's, {@code SendAs} when From is another's and
 * Sender is not the user's. The record goes to the mailbox whose name was used; a user acting in another's name is
 * a delegate there, a master user stays an admin.
 */
record SentMessage(MailboxAction operation, String mailbox, LogonType logonType) {

    static SentMessage of(Identity who, String from, String sender, MailboxNames names) {
        String own = who.mailbox();
        if (from == null || names.isOwn(from, own)) {
            return new SentMessage(MailboxAction.SEND, own, who.logonType());
        }
        LogonType type = who.logonType() == LogonType.ADMIN ? LogonType.ADMIN : LogonType.DELEGATE;
        String named = names.mailboxOf(from, own);
        if (sender != null && names.isOwn(sender, own)) {
            return new SentMessage(MailboxAction.SEND_ON_BEHALF, named, type);
        }
        return new SentMessage(MailboxAction.SEND_AS, named, type);
    }
}
