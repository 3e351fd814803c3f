package dev.mailtrail.sensor.dovecot.event;

/** An exported event MailTrail cannot read: the message names the event and the field that was wrong. */
public final class DovecotEventException extends Exception {
    public DovecotEventException(String message) {
        super(message);
    }
}
