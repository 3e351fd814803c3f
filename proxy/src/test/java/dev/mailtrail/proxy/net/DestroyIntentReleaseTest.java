package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.generate.RecordGenerator;
import dev.mailtrail.core.generate.ReplayClock;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.proxy.config.AuditMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict mode through a real Dovecot: a delete journals its intent before the server has it (docs/decisions/0011),
 * the server's answer goes out once that intent is durable without waiting for the delete's own record, and the
 * journal ends with one record per message removed — none for a delete the server refused.
 */
class DestroyIntentReleaseTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anExpungeIsAnnouncedBeforeItsHardDeleteAndEndsInOneRecordPerMessage() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Merger", "The merger closes on Friday.");
            h.dovecot.seed("alice", "INBOX", "Lunch", "Noon at the usual place.");
            h.dovecot.seed("alice", "INBOX", "Minutes", "Kept.");
            try (LineClient c = open(h)) {
                c.send("l UID FETCH 1:* (FLAGS)");
                assertThat(c.until("l ")).contains("l OK");
                c.send("t STORE 1:2 +FLAGS (\\Deleted)");
                assertThat(c.until("t ")).contains("t OK");
                // the SoftDelete kept back to share the next sync goes out on its own after 250 ms, acknowledged at
                // once: held, it would join the EXPUNGE's intent in one group that only acknowledging it too releases
                Thread.sleep(500);
                h.sink.holdAcknowledgements();
                c.send("e EXPUNGE");
                h.sink.awaitIntents(2, WAIT);
                Thread.sleep(300); // the server has answered; the proxy has had time to release what it would
                assertThat(c.available())
                        .as("the server's answer released before the intent was durable")
                        .isZero();
                h.sink.acknowledgeIntents();
                String answer = c.until("e ");
                assertThat(answer).contains("* 1 EXPUNGE").contains("e OK");
                h.sink.acknowledgeAll();
                c.send("z LOGOUT");
                c.until("z ");
            }
            h.sink.awaitAny(MailboxAction.HARD_DELETE, WAIT);
            awaitOutcomes(h, 2);
            List<AuditEvent> journal = h.sink.all();
            AccessIntent expunge = journal.stream()
                    .filter(e -> e instanceof AccessIntent i && i.access().operation() == MailboxAction.HARD_DELETE)
                    .map(AccessIntent.class::cast)
                    .findFirst()
                    .orElseThrow();
            MailboxAccess hardDelete = h.sink.events().stream()
                    .filter(e -> e.operation() == MailboxAction.HARD_DELETE)
                    .findFirst()
                    .orElseThrow();
            assertThat(journal.indexOf(expunge))
                    .as("the intent is journaled before the delete it announces")
                    .isLessThan(journal.indexOf(hardDelete));
            assertThat(expunge.access().items())
                    .extracting(i -> i.id())
                    .containsExactlyInAnyOrderElementsOf(
                            hardDelete.items().stream().map(i -> i.id()).toList());

            List<AuditRecord> hardDeletes = records(journal).stream()
                    .filter(r -> r.operation().equals("HardDelete"))
                    .toList();
            assertThat(hardDeletes).hasSize(1);
            assertThat(hardDeletes.getFirst().affectedItems())
                    .extracting(RecordItem::id)
                    .as("each message removed, once")
                    .hasSize(2)
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.endsWith(";uid=1") || id.endsWith(";uid=2"));
            assertThat(hardDeletes.getFirst().toString()).doesNotContain("MailTrailIntent");
        }
    }

    @Test
    void aDeleteTheServerRefusesLeavesNoRecord() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("alice", "INBOX", "Merger", "The merger closes on Friday.");
            try (LineClient c = open(h)) {
                c.send("l UID FETCH 1:* (FLAGS)");
                assertThat(c.until("l ")).contains("l OK");
                c.send("m UID MOVE 1 \"No such folder\"");
                assertThat(c.until("m ")).contains("m NO");
                c.send("z LOGOUT");
                c.until("z ");
            }
            awaitOutcomes(h, 1);
            List<AuditEvent> journal = h.sink.all();
            assertThat(journal)
                    .filteredOn(IntentOutcome.class::isInstance)
                    .extracting(e -> ((IntentOutcome) e).answer())
                    .containsExactly("NO");
            assertThat(records(journal)).extracting(AuditRecord::operation).doesNotContain("Move");
        }
    }

    @Test
    void aPop3QuitIsAnnouncedBeforeItsHardDelete() throws Exception {
        try (ProxyHarness h = new ProxyHarness(Files.createDirectories(dir.resolve("h")), AuditMode.STRICT)) {
            h.dovecot.seed("bob", "INBOX", "Merger", "The merger closes on Friday.");
            h.dovecot.seed("bob", "INBOX", "Lunch", "Noon at the usual place.");
            try (LineClient c = new LineClient(h.port("pop3"))) {
                c.line();
                c.send("USER bob");
                c.line();
                c.send("PASS Secret123");
                assertThat(c.line()).startsWith("+OK");
                c.send("DELE 2");
                assertThat(c.line()).startsWith("+OK");
                c.send("QUIT");
                assertThat(c.line()).startsWith("+OK");
            }
            h.sink.awaitAny(MailboxAction.HARD_DELETE, WAIT);
            awaitOutcomes(h, 1);
            List<AuditEvent> journal = h.sink.all();
            int intent = indexOf(
                    journal, e -> e instanceof AccessIntent i && i.access().operation() == MailboxAction.HARD_DELETE);
            int delete =
                    indexOf(journal, e -> e instanceof MailboxAccess a && a.operation() == MailboxAction.HARD_DELETE);
            assertThat(intent).isNotNegative().isLessThan(delete);
            assertThat(records(journal))
                    .filteredOn(r -> r.operation().equals("HardDelete"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.affectedItems())
                            .extracting(RecordItem::id)
                            .containsExactly("bob/INBOX;msg=2"));
        }
    }

    private static int indexOf(List<AuditEvent> events, java.util.function.Predicate<AuditEvent> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void awaitOutcomes(ProxyHarness h, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (h.sink.intents().stream().filter(IntentOutcome.class::isInstance).count() < n) {
            assertThat(System.nanoTime()).as("outcomes: " + h.sink.intents()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What the audit core makes of the events as journaled, intents still open resolved as on recovery. */
    private static List<AuditRecord> records(List<AuditEvent> events) {
        ReplayClock clock = new ReplayClock(events.getFirst().time());
        List<AuditRecord> records = new ArrayList<>();
        RecordGenerator core = new RecordGenerator(
                new AuditConfiguration(OrganizationConfig.defaults()), clock, records::add, () -> "id");
        for (AuditEvent e : events) {
            clock.advanceTo(e.time());
            core.accept(e);
        }
        core.resolveIntents("crash");
        core.flush();
        return records;
    }

    private static LineClient open(ProxyHarness h) throws Exception {
        LineClient c = new LineClient(h.port("imap"));
        c.line();
        c.send("a LOGIN alice Secret123");
        c.until("a ");
        c.send("s SELECT INBOX");
        assertThat(c.until("s ")).contains("s OK");
        return c;
    }
}
