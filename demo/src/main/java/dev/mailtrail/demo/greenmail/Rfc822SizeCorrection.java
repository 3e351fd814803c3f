package dev.mailtrail.demo.greenmail;

import com.icegreen.greenmail.store.MailMessageAttributes;
import com.icegreen.greenmail.store.StoredMessage;
import java.lang.reflect.Field;

/**
 * Puts the right RFC822.SIZE on a message GreenMail stores. GreenMail (through 2.1.9, its issue #967) reports
 * the length of the body without the header as RFC822.SIZE, for every message however it was made; RFC 9051
 * §2.3.4 says it is the octets of the whole message, as {@code FETCH BODY[]} returns them. The proxy records
 * that size with every read, so the demo corrects it for the messages it seeds. Messages a client APPENDs
 * during a demo keep GreenMail's size.
 */
final class Rfc822SizeCorrection {
    private Rfc822SizeCorrection() {}

    /** Sets the size GreenMail reports for {@code message} to {@code size} octets. */
    static void apply(StoredMessage message, int size) {
        MailMessageAttributes attributes = message.getAttributes();
        try {
            Field field = attributes.getClass().getDeclaredField("size");
            field.setAccessible(true);
            field.setInt(attributes, size);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "this GreenMail version (" + attributes.getClass().getName()
                            + ") keeps RFC822.SIZE elsewhere; the demo cannot correct it",
                    e);
        }
        if (attributes.getSize() != size) {
            throw new IllegalStateException("GreenMail still reports " + attributes.getSize()
                    + " octets as RFC822.SIZE of a " + size + "-octet message");
        }
    }
}
