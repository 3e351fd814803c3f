package dev.mailtrail.app.demo;

import java.util.Locale;

/** What turns the demo's mail access into access events. */
public enum DemoSensor {
    /** The auditing proxy in front of the mail server, in strict mode: every read journaled before it goes out. */
    PROXY,
    /**
     * Dovecot's own event exporter posting to the API (docs/dovecot-native-sensor.md): clients talk to Dovecot
     * directly and MailTrail hears of a read after it happened. Dovecot only.
     */
    NATIVE;

    /** Its name on the command line. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
