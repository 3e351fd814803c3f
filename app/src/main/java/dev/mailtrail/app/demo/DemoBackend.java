package dev.mailtrail.app.demo;

import dev.mailtrail.demo.DemoMailServer;
import dev.mailtrail.demo.corpus.SeedMessage;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import dev.mailtrail.demo.dovecot.EventExporter;
import dev.mailtrail.demo.greenmail.GreenMailDemoServer;
import java.util.List;
import java.util.Locale;

/** The mail server behind the demo proxy. */
public enum DemoBackend {
    /** Embedded GreenMail: nothing to install; Owner access only (no shared folders, no master user). */
    GREENMAIL,
    /** A throwaway local Dovecot: shared folders (Delegate) and a master user (Admin) too. */
    DOVECOT;

    /** Starts this back end on free loopback ports, seeded with {@code corpus}. */
    DemoMailServer start(List<SeedMessage> corpus) {
        return switch (this) {
            case GREENMAIL -> GreenMailDemoServer.start(0, 0, corpus);
            case DOVECOT -> DovecotDemoServer.startWithSmtp(0, 0, corpus);
        };
    }

    /**
     * Starts Dovecot for the native sensor: IMAP and POP3 on the given ports (clients connect to it directly), its
     * events posted by {@code exporter}.
     */
    DemoMailServer startNative(List<SeedMessage> corpus, int imapPort, int pop3Port, EventExporter exporter) {
        if (this != DOVECOT) {
            throw new IllegalStateException("the native sensor is Dovecot's, not " + optionValue() + "'s");
        }
        return DovecotDemoServer.start(imapPort, pop3Port, corpus, exporter);
    }

    /** Its name on the command line. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
