package dev.mailtrail.demo.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects one mailbox's messages as a story is told: each {@link Letter} is a message placed in a folder at a
 * time, written out by {@link Rfc5322Writer} when the story is done.
 */
final class MailboxStory {
    /** Monday 2 November 2026: the story's first day. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    private final String owner;
    private final List<Letter> letters = new ArrayList<>();

    MailboxStory(String owner) {
        this.owner = owner;
    }

    /** A message on story day {@code day} (1 = the first) at {@code time} (HH:mm, UTC). */
    Letter letter(String folder, int day, String time, String from, String to, String subject, String text) {
        Instant date =
                FIRST_DAY.plusDays(day - 1L).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
        Letter letter = new Letter(folder, date, from, to, subject, text);
        letters.add(letter);
        return letter;
    }

    List<SeedMessage> messages() {
        List<SeedMessage> messages = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            MessageDraft draft = letter.draft();
            // Delivery a few seconds after sending, as a server stamps INTERNALDATE on arrival.
            Instant received = letter.date.plusSeconds(3 + letters.indexOf(letter) % 7);
            messages.add(new SeedMessage(
                    owner,
                    letter.folder,
                    draft.messageId(),
                    draft.subject(),
                    received,
                    letter.seen,
                    Rfc5322Writer.write(draft)));
        }
        return messages;
    }

    /** One message being written; the options read as the story does. */
    static final class Letter {
        private final String folder;
        private final Instant date;
        private final String from;
        private final String to;
        private final String subject;
        private final String text;
        private final List<Attachment> attachments = new ArrayList<>();
        private String inReplyTo;
        private boolean html;
        private boolean seen;

        private Letter(String folder, Instant date, String from, String to, String subject, String text) {
            this.folder = folder;
            this.date = date;
            this.from = from;
            this.to = to;
            this.subject = subject;
            this.text = text;
        }

        Letter html() {
            html = true;
            return this;
        }

        Letter seen() {
            seen = true;
            return this;
        }

        Letter attach(Attachment attachment) {
            attachments.add(attachment);
            return this;
        }

        Letter answering(Letter original) {
            inReplyTo = original.messageId();
            return this;
        }

        String messageId() {
            String domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "");
            String stamp = date.toString().replaceAll("[^0-9]", "");
            return String.format(Locale.ROOT, "<%s.%08x@%s>", stamp, subject.hashCode(), domain);
        }

        private MessageDraft draft() {
            return new MessageDraft(from, to, subject, date, messageId(), inReplyTo, text, html, attachments);
        }
    }
}
