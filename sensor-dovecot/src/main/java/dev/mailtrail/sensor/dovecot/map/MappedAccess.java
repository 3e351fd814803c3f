package dev.mailtrail.sensor.dovecot.map;

import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.proxy.session.MessageSelection;

/**
 * An access event as Dovecot's events describe it, its items named by UID only ({@code owner/folder;uid=U}), with
 * what the naming step needs to ask the server for their Message-ID and subject.
 *
 * @param owner whose mailbox the folder is in
 * @param folder the folder's name inside that mailbox, as IMAP names it ({@code INBOX}, {@code Finance/2026})
 * @param selection the messages to name, or null when the event has no items
 */
public record MappedAccess(MailboxAccess access, String owner, String folder, MessageSelection selection) {}
