package dev.mailtrail.demo;

/**
 * A running demo mail server, seeded and listening on loopback: what the proxy connects to. Closing it stops
 * the server and removes whatever it kept only for this run.
 */
public interface DemoMailServer extends AutoCloseable {
    /** The address the server listens on, always loopback. */
    String host();

    /** The plain IMAP port (the proxy's upstream for IMAP). */
    int imapPort();

    /** The plain POP3 port (the proxy's upstream for POP3). */
    int pop3Port();

    /** The SMTP port accepting AUTH PLAIN/LOGIN (the proxy's upstream for submission). */
    int smtpPort();

    /** The ManageSieve port (the proxy's upstream for inbox rules); 0 when this server has none. */
    default int manageSievePort() {
        return 0;
    }

    /** One line naming the back end, e.g. {@code GreenMail 2.1.9 (embedded)}. */
    String description();

    /** Whether delegate access (a shared folder) and master-user (Admin) logins exist on this server. */
    boolean sharesFolders();

    @Override
    void close();
}
