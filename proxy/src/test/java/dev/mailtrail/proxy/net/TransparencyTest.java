package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.proxy.config.AuditMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scripted IMAP sessions, straight to Dovecot and through the proxy, give the same bytes back, apart from
 * the documented capability filtering (COMPRESS=DEFLATE removed) and Dovecot's own timings in tagged responses.
 * The sessions use synchronising and non-synchronising literals, pipelining, IDLE, ENABLE (UTF8=ACCEPT, CONDSTORE,
 * QRESYNC), partial and BINARY fetches; they change nothing, so both runs see the same mailbox. A POP3 session
 * (CAPA, STAT, LIST, UIDL, TOP, RETR of a dot-stuffed and of a large message) is compared the same way, and so is a
 * submission to Postfix ({@link SubmissionSession}), where the message Postfix stores is compared too, and a
 * ManageSieve session (every script command, literals both ways, a refused script).
 */
class TransparencyTest {

    private static final Pattern TIMING =
            Pattern.compile(" \\(\\d+\\.\\d+ \\+ \\d+\\.\\d+(?: \\+ \\d+\\.\\d+)? secs\\)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?\\}$");

    @TempDir
    Path dir;

    /** One step: bytes to send, then what to read before the next step. */
    record Step(String send, String readUntil) {}

    static final List<Step> SESSION = List.of(
            new Step(null, "* OK"),
            new Step("t1 CAPABILITY\r\n", "t1 "),
            new Step("t2 LOGIN alice Secret123\r\n", "t2 "),
            new Step("t3 ENABLE UTF8=ACCEPT CONDSTORE QRESYNC\r\n", "t3 "),
            new Step("t4 NAMESPACE\r\nt5 LIST \"\" \"*\"\r\nt6 STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY)\r\n", "t6 "),
            new Step("t7 EXAMINE INBOX (CONDSTORE)\r\n", "t7 "),
            new Step("t8 FETCH 1:* (UID FLAGS RFC822.SIZE MODSEQ)\r\n", "t8 "),
            new Step("t19 UID FETCH 1:* (SNIPPET (FUZZY) PREVIEW)\r\nt20 FETCH 3 (BODY.PEEK[TEXT]<0.30>)\r\n", "t20 "),
            new Step(
                    "t9 FETCH 1 (BODY.PEEK[]<0.40>)\r\nt10 UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT MESSAGE-ID)])\r\n",
                    "t10 "),
            new Step("t11 FETCH 2 (BINARY.PEEK[1] BODY.PEEK[1]<3.17> BODYSTRUCTURE)\r\n", "t11 "),
            new Step("t12 UID FETCH 1:* (BODY.PEEK[])\r\n", "t12 "),
            new Step("t13 UID SEARCH CHARSET UTF-8 SUBJECT {6}\r\n", "+"),
            new Step("Report\r\n", "t13 "),
            new Step("t14 SEARCH SUBJECT {4+}\r\nLast\r\nt15 NOOP\r\n", "t15 "),
            new Step("t16 IDLE\r\n", "+"),
            new Step("DONE\r\n", "t16 "),
            new Step("t17 FETCH 1,2 (FLAGS) (CHANGEDSINCE 1)\r\n", "t17 "),
            new Step("t18 LOGOUT\r\n", "t18 "));

    @Test
    void scriptedSessionsGiveTheSameBytesDirectAndThroughTheProxy() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            sameBytes(h);
        }
    }

    /** The proxy's own lookups (BINARY, SNIPPET and TEXT reads are named by them) change no byte the client sees. */
    @Test
    void scriptedSessionsGiveTheSameBytesThroughAProxyThatLooksMessagesUp() throws Exception {
        try (ProxyHarness h = new ProxyHarness(
                Files.createDirectories(dir.resolve("h")),
                AuditMode.STRICT,
                false,
                dev.mailtrail.proxy.imap.session.ImapAuditConfig.DEFAULTS,
                LookupNamingTest.AUDITOR,
                port -> port)) {
            sameBytes(h);
            // the SNIPPETs went out before any header did: only the lookup can have named them
            assertThat(h.sink.events())
                    .filteredOn(e -> e.operation() == dev.mailtrail.core.action.MailboxAction.MAIL_ITEMS_ACCESSED)
                    .first()
                    .satisfies(e -> assertThat(e.items()).allMatch(i -> i.internetMessageId() != null));
        }
    }

    private void sameBytes(ProxyHarness h) throws Exception {
        h.dovecot.seed("alice", "INBOX", "Report for Q3", "Numbers are up.\n".repeat(400));
        h.dovecot.seed("alice", "INBOX", "Last reminder ✓", "Café at noon.");
        h.dovecot.seed("alice", "INBOX", "Report with a long body", "x".repeat(300_000));
        run(h.dovecot.imapPort()); // settles \Recent and the caches, so both runs below see one state
        String direct = normalise(run(h.dovecot.imapPort()));
        String proxied = normalise(run(h.port("imap")));
        assertThat(direct).contains("COMPRESS=DEFLATE");
        assertThat(proxied).doesNotContain("COMPRESS");
        assertThat(proxied).isEqualTo(direct.replace(" COMPRESS=DEFLATE", ""));
        assertThat(proxied)
                .contains("+ idling")
                .contains("t9 OK")
                .contains("BINARY[1]")
                .contains("SNIPPET");
    }

    @Test
    void aPop3SessionGivesTheSameBytesDirectAndThroughTheProxy() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("bob", "INBOX", "First", "Line one.\n.Line starting with a dot.\n");
            h.dovecot.seed("bob", "INBOX", "Second", "z".repeat(200_000));
            String direct = pop3(h.dovecot.pop3Port());
            String proxied = pop3(h.port("pop3"));
            assertThat(proxied)
                    .isEqualTo(direct)
                    .contains("..Line starting with a dot.")
                    .contains("+OK Logging out");
        }
    }

    @Test
    void aSubmissionGivesTheSameBytesDirectAndThroughTheProxy() throws Exception {
        try (SubmissionHarness h = new SubmissionHarness(Files.createDirectories(dir.resolve("s")), AuditMode.STRICT)) {
            String[] directId = new String[1];
            String[] proxiedId = new String[1];
            String direct = SubmissionSession.session(h.postfix.port(), "same-1", directId);
            String proxied = SubmissionSession.session(h.port("submission"), "same-2", proxiedId);
            Matcher d = SubmissionSession.EHLO_REPLY.matcher(direct);
            Matcher p = SubmissionSession.EHLO_REPLY.matcher(proxied);
            assertThat(d.find()).as(direct).isTrue();
            assertThat(p.find()).as(proxied).isTrue();
            assertThat(d.group()).contains("CHUNKING").contains("XCLIENT");
            assertThat(p.group())
                    .doesNotContain("CHUNKING")
                    .doesNotContain("XCLIENT")
                    .contains("250-PIPELINING")
                    .contains("250-8BITMIME")
                    .contains("250-SMTPUTF8")
                    .endsWith("250 STARTTLS\n");
            assertThat(SubmissionSession.normalise(proxied, proxiedId[0]))
                    .isEqualTo(SubmissionSession.normalise(direct, directId[0]));
            assertThat(proxied)
                    .contains("354 ")
                    .contains("250 2.0.0 Ok: queued as")
                    .contains("221 ");

            String directStored = h.postfix.heldMessage(directId[0]);
            String proxiedStored = h.postfix.heldMessage(proxiedId[0]);
            String sent = SubmissionSession.message("same-1").replace("\r\n", "\n");
            assertThat(directStored).contains(sent.substring(sent.indexOf("From:")));
            assertThat(SubmissionSession.bodyAndHeaderAsSent(proxiedStored))
                    .isEqualTo(
                            SubmissionSession.bodyAndHeaderAsSent(directStored).replace("same-1", "same-2"));
            assertThat(h.sink.events())
                    .anyMatch(e -> e.operation() == MailboxAction.SEND
                            && e.items().getFirst().sizeInBytes()
                                    == SubmissionSession.message("same-2").getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aManageSieveSessionGivesTheSameBytesDirectAndThroughTheProxy() throws Exception {
        try (ManageSieveHarness h = new ManageSieveHarness(Files.createDirectories(dir.resolve("h")))) {
            String direct = manageSieve(h.dovecot.sievePort());
            String proxied = manageSieve(h.port("sieve"));
            assertThat(proxied)
                    .isEqualTo(direct)
                    .contains("\"IMPLEMENTATION\"")
                    .contains("NO {")
                    .contains("require \"fileinto\";");
            assertThat(h.sink.cmdlets())
                    .extracting(c -> c.command().split(" ")[0])
                    .containsExactly(
                            "New-InboxRule",
                            "Enable-InboxRule",
                            "Disable-InboxRule",
                            "Set-InboxRule",
                            "Remove-InboxRule",
                            "New-InboxRule");
        }
    }

    /**
     * A ManageSieve session that leaves the account as it found it: a script put (as a non-synchronising and as a
     * synchronising literal), checked, fetched, activated, deactivated, renamed and deleted, and a refused script.
     */
    static String manageSieve(int port) throws IOException {
        String script = "require \"fileinto\";\r\nif header :contains \"subject\" \"x\" { fileinto \"X\"; }\r\n";
        String broken = "if true { forwrd \"a@b.example\"; }\r\n";
        String plain =
                java.util.Base64.getEncoder().encodeToString("\0alice\0Secret123".getBytes(StandardCharsets.UTF_8));
        String[] steps = {
            null,
            "CAPABILITY",
            "AUTHENTICATE \"PLAIN\" \"" + plain + "\"",
            "LISTSCRIPTS",
            "HAVESPACE \"t\" 1000",
            "PUTSCRIPT \"t\" {" + script.length() + "+}\r\n" + script,
            "CHECKSCRIPT {" + script.length() + "+}\r\n" + script,
            "GETSCRIPT \"t\"",
            "SETACTIVE \"t\"",
            "LISTSCRIPTS",
            "SETACTIVE \"\"",
            "RENAMESCRIPT \"t\" \"u\"",
            "DELETESCRIPT \"u\"",
            "PUTSCRIPT \"broken\" {" + broken.length() + "+}\r\n" + broken,
            "NOOP \"tag\"",
            "LOGOUT"
        };
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String step : steps) {
                if (step != null) {
                    out.write((step + "\r\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                String line;
                do {
                    line = readResponseLine(in, all);
                } while (!line.startsWith("OK") && !line.startsWith("NO") && !line.startsWith("BYE"));
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    /** A POP3 session reading everything without changing anything; every byte received. */
    static String pop3(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            String[][] steps = {
                {null, "single"},
                {"CAPA", "multi"},
                {"USER bob", "single"},
                {"PASS Secret123", "single"},
                {"STAT", "single"},
                {"LIST", "multi"},
                {"UIDL", "multi"},
                {"TOP 1 1", "multi"},
                {"RETR 1", "multi"},
                {"RETR 2", "multi"},
                {"LIST 2", "single"},
                {"NOOP", "single"},
                {"QUIT", "single"}
            };
            for (String[] step : steps) {
                if (step[0] != null) {
                    out.write((step[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                String line = readLine(in);
                all.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (step[1].equals("multi") && line.startsWith("+OK")) {
                    while (!(line = readLine(in)).equals(".")) {
                        all.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                    all.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String normalise(String transcript) {
        return TIMING.matcher(transcript).replaceAll(" (T secs)");
    }

    /** Runs {@link #SESSION} and returns every byte received, literals included. */
    static String run(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Step step : SESSION) {
                if (step.send() != null) {
                    out.write(step.send().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                String line;
                do {
                    line = readResponseLine(in, all);
                } while (!line.startsWith(step.readUntil()));
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    /** One line, and the literals its lines announce, appended to {@code all}; returns the first line. */
    private static String readResponseLine(InputStream in, ByteArrayOutputStream all) throws IOException {
        String first = null;
        while (true) {
            String line = readLine(in);
            all.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            all.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            first = first == null ? line : first;
            Matcher m = LITERAL.matcher(line);
            if (!m.find() || line.startsWith("+")) {
                return first;
            }
            all.writeBytes(in.readNBytes(Integer.parseInt(m.group(1))));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new IOException("connection closed after: " + b.toString(StandardCharsets.UTF_8));
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
