package dev.mailtrail.sensor.dovecot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.proxy.dovecot.DovecotInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a real Dovecot with the reads and deletes clients do and keeps what its event exporter posted, one file per
 * scenario under {@code target/captured/}: the source of the samples in {@code src/test/resources/dovecot-events}
 * (see the README there), and the check that the shipped filter and Basic credentials in the URL work.
 */
class DovecotEventCaptureTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExporterPostsEveryScenarioWithBasicCredentials() throws Exception {
        Path out = Path.of("target", "captured");
        Files.createDirectories(out);
        try (EventCollector collector = new EventCollector();
                DovecotInstance dovecot = DovecotInstance.start(
                        dir,
                        null,
                        ExporterConfiguration.posting(
                                collector.url("mailtrail:s3cret@", "/api/v1/sensors/dovecot"),
                                ExporterConfiguration.FILTER))) {
            dovecot.seed("alice", "INBOX", "Q3 wire", "Please wire the money.");
            dovecot.seed("alice", "INBOX", "Lunch", "Noon?");
            dovecot.seed("alice", "INBOX", "Payroll", "Attached.");
            dovecot.seed("alice", "INBOX", "Board", "Minutes.");
            dovecot.seed("alice", "Finance", "Budget 2027", "Draft numbers.");
            dovecot.seed("bob", "INBOX", "Pop one", "First.");
            dovecot.seed("bob", "INBOX", "Pop two", "Second.");
            dovecot.acl("alice", "Finance", "user=bob", "lookup", "read");
            int seen = 0;
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("ID (\"name\" \"capture\" \"x-originating-ip\" \"203.0.113.7\")");
                imap.command("LOGIN alice " + DovecotInstance.PASSWORD);
                imap.command("SELECT INBOX");
                imap.command("UID FETCH 1 (BODY[])");
                imap.command("UID FETCH 2 (BODY.PEEK[TEXT])");
                imap.command("UID FETCH 3 (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
                imap.command("UID FETCH 3 (BODY.PEEK[]<0.10>)");
                imap.command("UID FETCH 1:* (FLAGS ENVELOPE RFC822.SIZE)");
                imap.command("UID FETCH 1:* (FLAGS ENVELOPE RFC822.SIZE)");
                imap.command("UID FETCH 4 (SNIPPET (LAZY=FUZZY))");
                imap.command("UID FETCH 4 (BODYSTRUCTURE)");
                imap.command("UID STORE 2 +FLAGS (\\Deleted)");
                imap.command("EXPUNGE");
                imap.command("UID MOVE 3 Trash");
                imap.append("Drafts", "Subject: Draft\r\nMessage-ID: <draft@mailtrail.test>\r\n\r\nHello\r\n");
                imap.command("FETCH 1:* (BODY.PEEK[])");
                imap.command("SELECT Trash");
                imap.command("STORE 1 +FLAGS (\\Deleted)");
                imap.command("CLOSE");
                imap.command("LOGOUT");
            }
            seen = dump(collector, seen, "alice", out.resolve("imap-owner.jsonl"));
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN alice*" + DovecotInstance.MASTER + " " + DovecotInstance.MASTER_PASSWORD);
                imap.command("EXAMINE INBOX");
                imap.command("UID FETCH 1 (BODY.PEEK[])");
                imap.command("LOGOUT");
            }
            seen = dump(collector, seen, "alice", out.resolve("imap-master-user.jsonl"));
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                imap.command("LOGIN bob " + DovecotInstance.PASSWORD);
                imap.command("SELECT Shared/alice/Finance");
                imap.command("UID FETCH 1 (BODY[])");
                imap.command("LOGOUT");
            }
            seen = dump(collector, seen, "bob", out.resolve("imap-delegate.jsonl"));
            try (ImapLines imap = new ImapLines(dovecot.imapPort())) {
                assertThat(imap.command("LOGIN carol Wrong").getLast()).contains("NO");
            } catch (IOException refused) {
                // the refusal is what this scenario exports
            }
            try (ImapLines pop = new ImapLines(dovecot.pop3Port())) {
                pop.pop3("USER bob");
                pop.pop3("PASS " + DovecotInstance.PASSWORD);
                pop.pop3Multi("UIDL");
                pop.pop3Multi("RETR 1");
                pop.pop3Multi("TOP 2 0");
                pop.pop3Multi("RETR 2");
                pop.pop3("DELE 1");
                pop.pop3("QUIT");
            }
            dump(collector, seen, "bob", out.resolve("pop3-and-failed-login.jsonl"));
            List<EventCollector.Post> posts = collector.posts();
            assertThat(posts).allSatisfy(p -> {
                assertThat(p.authorization()).isEqualTo("Basic bWFpbHRyYWlsOnMzY3JldA==");
                assertThat(p.path()).isEqualTo("/api/v1/sensors/dovecot");
                assertThat(p.contentType()).isEqualTo("application/json");
            });
        }
    }

    /** Waits for {@code user}'s session to end and writes what came since {@code from}; returns the new count. */
    private static int dump(EventCollector collector, int from, String user, Path file) throws Exception {
        collector.await(
                b -> b.contains("\"mail_user_session_finished\"") && b.contains("\"user\":\"" + user + "\""),
                Duration.ofSeconds(20),
                from);
        Thread.sleep(300); // stragglers of the same session (auth, the last command) are posted around the end
        List<String> bodies = collector.bodies();
        Files.write(file, bodies.subList(from, bodies.size()));
        return bodies.size();
    }
}
