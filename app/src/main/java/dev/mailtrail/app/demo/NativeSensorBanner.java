package dev.mailtrail.app.demo;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import java.nio.file.Path;

/**
 * What {@code mt demo --backend dovecot --sensor native} prints: connect to Dovecot itself, where its events go, what
 * this mode sees and misses, and how to search. No proxy port is named: none listens.
 */
final class NativeSensorBanner {
    private NativeSensorBanner() {}

    static String render(RunningDemo demo, DemoApi api) {
        DovecotDemoServer dovecot = (DovecotDemoServer) demo.mailServer();
        String host = DemoBanner.HOST;
        int imap = dovecot.imapPort();
        Path data = demo.options().data().toAbsolutePath();
        StringBuilder out = new StringBuilder();
        out.append("MailTrail demo: the native Dovecot sensor. ")
                .append(dovecot.description())
                .append(" posts its\nevents to MailTrail's API with its own event exporter; no proxy is in the data")
                .append(" path (none is started).\n\n");
        out.append("Connect a mail client DIRECTLY to Dovecot on ")
                .append(host)
                .append(" (")
                .append(RunningDemo.HOST)
                .append("), no TLS (this throwaway Dovecot listens on loopback only):\n");
        out.append(String.format("  IMAP  %d%n  POP3  %d%n", imap, dovecot.pop3Port()));
        out.append("  users ")
                .append(String.join(", ", DemoUsers.mailboxOwners()))
                .append("   password: ")
                .append(DemoUsers.PASSWORD)
                .append('\n');
        out.append("  Delegate: ")
                .append(DemoBanner.delegateOpens(dovecot))
                .append("   Admin: log in as ")
                .append(DemoBanner.ADMIN_LOGIN)
                .append('\n');
        out.append("  Dovecot's exporter (event_exporter mailtrail, in ")
                .append(dovecot.configFile())
                .append(")\n  posts to ")
                .append(api.url())
                .append(NativeSensorDemo.ENDPOINT)
                .append(" with the sensor token below.\n");
        out.append("\nWhat this mode sees: logins, body reads (FETCH BODY[]/RFC822/BINARY/SNIPPET, POP3 RETR and TOP),")
                .append(
                        " deletes, moves and\nappends, posted after the fact. What it misses: a read made while MailTrail")
                .append(" cannot be reached (no strict\nguarantee), COPY, folder and ACL changes, Sieve rules, the")
                .append(" message of a send. docs/dovecot-native-sensor.md\n");
        out.append("\nTry it:\n");
        out.append(String.format(
                "  python3 -c \"import imaplib,email; m=imaplib.IMAP4('%s',%d); m.login('%s','%s');"
                        + " m.select('Finance'); print(email.message_from_bytes(m.fetch('2','(BODY.PEEK[])')[1][0][1])"
                        + "['Message-ID']); m.logout()\"%n",
                host, imap, DemoUsers.ALICE, DemoUsers.PASSWORD));
        out.append(String.format(
                "  curl -u %s:%s 'imap://%s:%d/Finance;UID=1'%n", DemoUsers.ALICE, DemoUsers.PASSWORD, host, imap));
        out.append("  (one message a command is a Bind naming it; several at once are a Sync naming the folder)\n");
        out.append("\nRecords go to ").append(data).append("; search them with\n");
        out.append("  ./mt Search-MailboxAuditLog -Identity ")
                .append(DemoUsers.ALICE)
                .append(" -ShowDetails --data ")
                .append(data)
                .append('\n');
        out.append("  A MailItemsAccessed record appears when its two-minute window closes (or at once when the demo")
                .append(" stops);\n  ./mt Get-MailTrailAggregationWindow --data ")
                .append(data)
                .append(" lists the reads already posted.\n");
        out.append(api.banner());
        out.append("\nCtrl-C stops the demo; every open audit window is flushed first.\n");
        return out.toString();
    }
}
