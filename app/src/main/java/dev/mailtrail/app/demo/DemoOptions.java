package dev.mailtrail.app.demo;

import java.nio.file.Path;

/**
 * What {@code mt demo} was asked for.
 *
 * @param data the data directory: journal, audit logs, the demo certificate
 * @param backend the mail server behind the proxy
 * @param imapPort the proxy's IMAP port (STARTTLS offered) on 127.0.0.1
 * @param imapsPort the proxy's IMAPS port (implicit TLS)
 * @param pop3Port the proxy's POP3 port (STLS offered)
 * @param pop3sPort the proxy's POP3S port (implicit TLS)
 */
public record DemoOptions(Path data, DemoBackend backend, int imapPort, int imapsPort, int pop3Port, int pop3sPort) {
    public static final int IMAP_PORT = 1143;
    public static final int IMAPS_PORT = 1993;
    public static final int POP3_PORT = 1110;
    public static final int POP3S_PORT = 1995;
}
