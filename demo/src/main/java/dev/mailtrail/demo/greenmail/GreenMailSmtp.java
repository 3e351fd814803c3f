package dev.mailtrail.demo.greenmail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailtrail.demo.DemoUsers;

/**
 * GreenMail's SMTP alone, with the demo's users and password: the MTA behind the demo's submission listener when
 * the mailboxes live in Dovecot. It accepts AUTH PLAIN and LOGIN and keeps what it is sent in memory; nothing
 * leaves the machine, so a demo "fraud" mail to an outside address goes nowhere.
 */
public final class GreenMailSmtp implements AutoCloseable {
    private final GreenMail greenMail;

    private GreenMailSmtp(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts SMTP on a free port of {@code host} with every demo mailbox owner as a user. */
    public static GreenMailSmtp start(String host) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, host, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        try {
            greenMail.start();
            for (String owner : DemoUsers.mailboxOwners()) {
                greenMail.setUser(owner, owner, DemoUsers.PASSWORD);
            }
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException(
                    "the demo's SMTP server could not start on " + host + ": " + e.getMessage(), e);
        }
        return new GreenMailSmtp(greenMail);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
