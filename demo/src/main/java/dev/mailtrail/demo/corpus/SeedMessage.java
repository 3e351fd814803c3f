package dev.mailtrail.demo.corpus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One message as a demo server stores it.
 *
 * @param owner the mailbox owner, e.g. {@code alice@demo.test}
 * @param folder the folder, {@code INBOX}, {@code Finance} or {@code Sent}
 * @param messageId the Message-ID header's value, with its angle brackets
 * @param subject the Subject header's value
 * @param received when the server received it (its INTERNALDATE)
 * @param seen whether it carries {@code \Seen}
 * @param rfc5322 the exact bytes, CRLF line ends; RFC822.SIZE must equal their length
 */
public record SeedMessage(
        String owner, String folder, String messageId, String subject, Instant received, boolean seen, byte[] rfc5322) {

    /** The size an IMAP server must report as RFC822.SIZE. */
    public int size() {
        return rfc5322.length;
    }

    @Override
    public String toString() {
        return owner + "/" + folder + " " + messageId + " (" + size() + " bytes): " + subject;
    }

    /** The raw message as text, for reading in tests and logs. */
    public String text() {
        return new String(rfc5322, StandardCharsets.UTF_8);
    }
}
