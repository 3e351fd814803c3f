package dev.mailtrail.app.demo;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.corpus.DemoCorpus;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code mt demo} prints once everything listens: how to connect a mail client, commands to paste, and
 * how to search what was recorded. TLS examples name {@code localhost}: the certificate names it, {@code
 * 127.0.0.1} and {@code ::1}, but fetchmail and offlineimap check a server's name against DNS names only.
 */
final class DemoBanner {
    /** The name clients are told to use: the certificate's DNS name, resolving to the loopback the demo binds. */
    static final String HOST = "localhost";
    /** The login of the demo's administrator opening Alice's mailbox through Dovecot's master user. */
    static final String ADMIN_LOGIN = DemoUsers.ALICE + DemoUsers.MASTER_SEPARATOR + DemoUsers.ADMIN;

    private DemoBanner() {}

    /**
     * One line of the listener table: a plain port with its upgrade and the implicit-TLS port beside it (0: none).
     * Another protocol is one more element of {@link #listeners}.
     */
    record ListenerLine(String plainName, int plainPort, String upgrade, String tlsName, int tlsPort) {
        String render() {
            String plain = String.format("%-6s%-5d (%s)", plainName, plainPort, upgrade);
            return tlsPort == 0
                    ? "  " + plain + "\n"
                    : String.format("  %-24s%s  %-5d (TLS)%n", plain, tlsName, tlsPort);
        }
    }

    static List<ListenerLine> listeners(RunningDemo demo) {
        List<ListenerLine> lines = new java.util.ArrayList<>(List.of(
                new ListenerLine("IMAP", demo.port("imap"), "STARTTLS", "IMAPS", demo.port("imaps")),
                new ListenerLine("POP3", demo.port("pop3"), "STLS", "POP3S", demo.port("pop3s")),
                new ListenerLine("SMTP", demo.port("submission"), "STARTTLS", "SMTPS", demo.port("submissions"))));
        if (demo.listens("managesieve")) {
            lines.add(new ListenerLine("Sieve", demo.port("managesieve"), "STARTTLS", "", 0));
        }
        return lines;
    }

    static String render(RunningDemo demo) {
        return render(demo, "");
    }

    /** The banner with {@code apiSection} (the HTTPS API's address, sign-in and token) before the last line. */
    static String render(RunningDemo demo, String apiSection) {
        String host = HOST;
        Path cert = demo.certificate().certificate().toAbsolutePath();
        Path data = demo.options().data().toAbsolutePath();
        int imap = demo.port("imap");
        int imaps = demo.port("imaps");
        int pop3s = demo.port("pop3s");
        StringBuilder out = new StringBuilder();
        out.append("MailTrail demo: the auditing proxy (strict mode) in front of ")
                .append(demo.mailServer().description())
                .append("\n\n");
        out.append("Connect a mail client to ")
                .append(host)
                .append(" (")
                .append(RunningDemo.HOST)
                .append("):\n");
        listeners(demo).forEach(line -> out.append(line.render()));
        out.append("  users ")
                .append(String.join(", ", DemoUsers.mailboxOwners()))
                .append("   password: ")
                .append(DemoUsers.PASSWORD)
                .append('\n');
        out.append("  TLS   a self-signed certificate for localhost, 127.0.0.1 and ::1")
                .append(demo.certificate().created() ? ", made now" : "")
                .append(":\n");
        out.append("        ").append(cert).append('\n');
        out.append("        SHA-256 ")
                .append(demo.certificate().sha256Fingerprint())
                .append('\n');
        out.append("        Accept it when your client asks, or trust that file; name the server localhost (fetchmail")
                .append(" and offlineimap\n        check names, not addresses). Plain LOGIN works on this loopback")
                .append(" address too.\n");
        if (demo.mailServer() instanceof DovecotDemoServer dovecot) {
            out.append("  Delegate: ").append(delegateOpens(dovecot)).append('\n');
            out.append("  Admin:    log in as ")
                    .append(ADMIN_LOGIN)
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
        out.append(AttackerRecipe.render(demo));
        out.append(apiSection);
        out.append("\nCtrl-C stops the demo; every open audit window is flushed first.\n");
        return out.toString();
    }

    /** What the demo's delegate does: Bob opening Alice's Finance folder through Dovecot's shared namespace. */
    static String delegateOpens(DovecotDemoServer dovecot) {
        return DemoUsers.BOB + " opens " + dovecot.sharedPrefix() + DemoUsers.ALICE + "/" + DemoCorpus.FINANCE;
    }
}
