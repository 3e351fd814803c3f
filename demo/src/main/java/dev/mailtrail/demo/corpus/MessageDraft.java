package dev.mailtrail.demo.corpus;

import java.time.Instant;
import java.util.List;

/**
 * What a demo message says, before it is written out as RFC 5322.
 *
 * @param from the From mailbox, e.g. {@code "Alice Carter <alice@demo.test>"}
 * @param to the To mailboxes, comma separated
 * @param subject the subject, ASCII
 * @param date when it was sent
 * @param messageId the Message-ID with angle brackets
 * @param inReplyTo the Message-ID this answers, or null
 * @param text the plain-text body, paragraphs separated by blank lines
 * @param html whether a text/html alternative is sent too (multipart/alternative)
 * @param attachments files attached (multipart/mixed when any)
 */
public record MessageDraft(
        String from,
        String to,
        String subject,
        Instant date,
        String messageId,
        String inReplyTo,
        String text,
        boolean html,
        List<Attachment> attachments) {

    public MessageDraft {
        attachments = List.copyOf(attachments);
    }
}
