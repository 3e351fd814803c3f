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
 * @param submissionPort the proxy's SMTP submission port (STARTTLS offered)
 * @param submissionsPort the proxy's submission port with implicit TLS
 * @param manageSievePort the proxy's ManageSieve port (STARTTLS offered), used with a back end that has ManageSieve
 * @param sensor the proxy, or Dovecot's own event exporter; with {@link DemoSensor#NATIVE} no proxy listens and
 *     Dovecot itself serves IMAP on {@code imapPort} and POP3 on {@code pop3Port}, without TLS
 */
public record DemoOptions(
        Path data,
        DemoBackend backend,
        int imapPort,
        int imapsPort,
        int pop3Port,
        int pop3sPort,
        int submissionPort,
        int submissionsPort,
        int manageSievePort,
        DemoSensor sensor) {
    public static final int IMAP_PORT = 1143;
    public static final int IMAPS_PORT = 1993;
    public static final int POP3_PORT = 1110;
    public static final int POP3S_PORT = 1995;
    public static final int SUBMISSION_PORT = 1587;
    public static final int SUBMISSIONS_PORT = 1465;
    public static final int MANAGESIEVE_PORT = 14190;

    public DemoOptions {
        if (sensor == DemoSensor.NATIVE && backend != DemoBackend.DOVECOT) {
            throw new IllegalArgumentException("the native sensor is Dovecot's: it needs the Dovecot back end");
        }
    }

    /** The proxy as the sensor, IMAP and POP3 on the given ports; submission and ManageSieve on any free port. */
    public DemoOptions(Path data, DemoBackend backend, int imapPort, int imapsPort, int pop3Port, int pop3sPort) {
        this(data, backend, imapPort, imapsPort, pop3Port, pop3sPort, 0, 0, 0, DemoSensor.PROXY);
    }
}
