package dev.mailtrail.app.demo;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import java.nio.file.Path;

/**
 * What {@code mt demo} prints once everything listens: how to connect a mail client, commands to paste, and
 * how to search what was recorded.
 */
final class DemoBanner {
    private DemoBanner() {}

    static String render(RunningDemo demo) {
        String host = RunningDemo.HOST;
        Path cert = demo.certificate().certificate().toAbsolutePath();
        Path data = demo.options().data().toAbsolutePath();
        int imap = demo.port("imap");
        int imaps = demo.port("imaps");
        int pop3 = demo.port("pop3");
        int pop3s = demo.port("pop3s");
        StringBuilder out = new StringBuilder();
        out.append("MailTrail demo: the auditing proxy (strict mode) in front of ")
                .append(demo.mailServer().description())
                .append("\n\n");
        out.append("Connect a mail client to ").append(host).append(":\n");
        out.append(String.format("  IMAP  %-5d (STARTTLS)    IMAPS  %-5d (TLS)%n", imap, imaps));
        out.append(String.format("  POP3  %-5d (STLS)        POP3S  %-5d (TLS)%n", pop3, pop3s));
        out.append("  users ")
                .append(String.join(", ", DemoUsers.mailboxOwners()))
                .append("   password: ")
                .append(DemoUsers.PASSWORD)
                .append('\n');
        out.append("  TLS   a self-signed certificate for 127.0.0.1 and localhost")
                .append(demo.certificate().created() ? ", made now" : "")
                .append(":\n");
        out.append("        ").append(cert).append('\n');
        out.append("        SHA-256 ")
                .append(demo.certificate().sha256Fingerprint())
                .append('\n');
        out.append("        Accept it when your client asks, or trust that file. Plain LOGIN works on this loopback")
                .append(" address too.\n");
        if (demo.mailServer() instanceof DovecotDemoServer dovecot) {
            out.append("  Delegate: ")
                    .append(DemoUsers.BOB)
                    .append(" opens ")
                    .append(dovecot.sharedPrefix())
                    .append(DemoUsers.ALICE)
                    .append('/')
                    .append(DemoCorpus.FINANCE)
                    .append('\n');
            out.append("  Admin:    log in as ")
                    .append(DemoUsers.ALICE)
                    .append(DemoUsers.MASTER_SEPARATOR)
                    .append(DemoUsers.ADMIN)
                    .append(" with password ")
                    .append(DemoUsers.PASSWORD)
                    .append(" (a master-user login)\n");
        } else {
            out.append("  GreenMail has no NAMESPACE, shared folders or master users, so only Owner access shows")
                    .append(" here;\n  mt demo --backend dovecot shows Delegate and Admin access too.\n");
        }
        out.append("\nTry it:\n");
        out.append(String.format(
                "  curl --ssl-reqd --cacert %s -u %s:%s 'imap://%s:%d/Finance;UID=1'%n",
                cert, DemoUsers.ALICE, DemoUsers.PASSWORD, host, imap));
        out.append(String.format(
                "  curl --cacert %s -u %s:%s pop3s://%s:%d/1%n", cert, DemoUsers.BOB, DemoUsers.PASSWORD, host, pop3s));
        out.append(String.format(
                "  mutt -n -e 'set certificate_file=%s imap_pass=%s folder=imaps://alice%%40demo.test@%s:%d/'"
                        + " -f =Finance%n",
                cert, DemoUsers.PASSWORD, host, imaps));
        out.append(String.format(
                "  python3 -c \"import imaplib,ssl,email; m=imaplib.IMAP4_SSL('%s',%d,"
                        + "ssl_context=ssl.create_default_context(cafile='%s')); m.login('%s','%s');"
                        + " m.select('Finance'); [print(email.message_from_bytes(d[1])['Subject'])"
                        + " for d in m.fetch('1:3','(BODY.PEEK[])')[1] if isinstance(d, tuple)]\"%n",
                host, imaps, cert, DemoUsers.ALICE, DemoUsers.PASSWORD));
        out.append("\nEvery read is journaled before its bytes reach the client. Records go to ")
                .append(data)
                .append("; search them with\n");
        out.append("  ./mt Search-MailboxAuditLog -Identity ")
                .append(DemoUsers.ALICE)
                .append(" -ShowDetails --data ")
                .append(data)
                .append('\n');
        out.append(
                "  Reads are aggregated as Exchange does: a MailItemsAccessed record appears when its two-minute\n"
                        + "  window closes (or at once when the demo stops); sends, moves and deletes appear within a second.\n");
        out.append("\nCtrl-C stops the demo; every open audit window is flushed first.\n");
        return out.toString();
    }
}
