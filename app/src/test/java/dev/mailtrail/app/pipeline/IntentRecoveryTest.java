package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.pipeline.snapshot.CoreSnapshots;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.store.journal.EventJournal;
import dev.mailtrail.store.log.AuditLogSearch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that ends with an intent open — the process stopped after the intent was journaled and before the
 * server's answer was (docs/decisions/0011) — is resolved when it is opened: one journaled resolution entry, and a
 * record of the items no read named. Opening again replays that entry and makes the same records, and nothing more.
 */
class IntentRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private static final Session SESSION = new Session("s-1", "192.0.2.1", "Client=IMAP4", null);
    private static final FolderRef INBOX = new FolderRef("alice/INBOX;uidvalidity=7", "\\Inbox");

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void anIntentLeftOpenBecomesARecordOfWhatNoReadNamedOnceAndOnlyOnce() throws Exception {
        AccessIntent intent = new AccessIntent("s-1/1", read(NOW.minusSeconds(5), item(1, null), item(2, null)));
        MailboxAccess first = read(NOW.minusSeconds(4), item(1, "<one@contoso.com>"));
        AccessIntent refused = new AccessIntent("s-1/2", read(NOW.minusSeconds(3), item(3, null)));
        IntentOutcome no = new IntentOutcome(NOW.minusSeconds(3), "alice@contoso.com", SESSION, "s-1/2", "NO");
        try (EventJournal journal = EventJournal.open(data.resolve(AuditPipeline.JOURNAL))) {
            journal.appendAll(PipelineEntry.encodeAll(List.of(
                            new PipelineEntry.Event(intent),
                            new PipelineEntry.Event(first),
                            new PipelineEntry.Event(refused),
                            new PipelineEntry.Event(no))))
                    .get();
        }
        try (AuditPipeline pipeline = open()) {
            assertThat(pipeline.replayedEntries()).isEqualTo(4);
            assertThat(pipeline.inspect(g -> g.pendingIntents().size()).get()).isZero();
        }
        List<String> records;
        try (AuditPipeline pipeline = open()) {
            assertThat(pipeline.replayedEntries())
                    .as("the resolution was applied before the closing snapshot: nothing is left to replay")
                    .isZero();
            records = items(pipeline.mailboxLog());
        }
        assertThat(records).hasSize(1);
        assertThat(records.getFirst())
                .contains("uid=1")
                .contains("uid=2")
                .contains("<one@contoso.com>")
                .doesNotContain("uid=3");
        deleteSnapshots();
        try (AuditPipeline pipeline = open()) {
            assertThat(pipeline.replayedEntries())
                    .as("the four entries, one resolution and a flush at each close, replayed from the start")
                    .isEqualTo(7);
            assertThat(pipeline.inspect(g -> g.pendingIntents().size()).get())
                    .as("no second resolution")
                    .isZero();
            assertThat(items(pipeline.mailboxLog())).isEqualTo(records);
        }
    }

    private void deleteSnapshots() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(data.resolve(CoreSnapshots.DIRECTORY))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    @Test
    void theNamesALookupFindsAreJournaledWithTheResolutionAndReplayed() throws Exception {
        FolderRef inbox = new FolderRef("alice@contoso.com/INBOX;uidvalidity=7", "\\Inbox");
        AccessIntent intent = new AccessIntent(
                "s-1/1",
                read(
                        NOW.minusSeconds(5),
                        inbox,
                        new ItemRef(null, inbox.id() + ";uid=1", null, null),
                        new ItemRef(null, inbox.id() + ";uid=2", null, null)));
        try (EventJournal journal = EventJournal.open(data.resolve(AuditPipeline.JOURNAL))) {
            journal.appendAll(PipelineEntry.encodeAll(List.of(new PipelineEntry.Event(intent))))
                    .get();
        }
        List<IntentNamer.Unnamed> asked = new ArrayList<>();
        IntentNamer server = items -> {
            asked.addAll(items);
            return List.of(new ItemRef("<one@contoso.com>", inbox.id() + ";uid=1", 2048L, "Quarterly figures"));
        };
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, clock, PipelineOptions.defaults(), "test", null, false, server)) {
            assertThat(pipeline.replayedEntries()).isEqualTo(1);
        }
        assertThat(asked)
                .containsExactly(
                        new IntentNamer.Unnamed("alice@contoso.com", "INBOX", 7, 1, inbox.id() + ";uid=1"),
                        new IntentNamer.Unnamed("alice@contoso.com", "INBOX", 7, 2, inbox.id() + ";uid=2"));
        List<String> records;
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, clock, PipelineOptions.defaults(), "test", null, false, items -> {
                    throw new AssertionError("a replay asks no server");
                })) {
            records = items(pipeline.mailboxLog());
        }
        assertThat(records).hasSize(1);
        assertThat(records.getFirst())
                .contains("<one@contoso.com>")
                .contains("Quarterly figures")
                .contains("2048")
                .contains("uid=2");
        deleteSnapshots();
        try (AuditPipeline pipeline = open()) {
            assertThat(items(pipeline.mailboxLog()))
                    .as("the same record on a replay from the journal's start")
                    .isEqualTo(records);
        }
    }

    @Test
    void aDeleteTheProcessStoppedInBecomesItsHardDeleteRecordKeepingTheNamesTheIntentCarried() throws Exception {
        FolderRef inbox = new FolderRef("alice@contoso.com/INBOX;uidvalidity=7", "\\Inbox");
        AccessIntent expunge = new AccessIntent(
                "s-1/1",
                like(
                        read(
                                NOW.minusSeconds(5),
                                inbox,
                                new ItemRef("<one@contoso.com>", inbox.id() + ";uid=1", 2048L, "Quarterly figures"),
                                new ItemRef(null, inbox.id() + ";uid=2", null, null)),
                        MailboxAction.HARD_DELETE));
        try (EventJournal journal = EventJournal.open(data.resolve(AuditPipeline.JOURNAL))) {
            journal.appendAll(PipelineEntry.encodeAll(List.of(new PipelineEntry.Event(expunge))))
                    .get();
        }
        List<IntentNamer.Unnamed> asked = new ArrayList<>();
        IntentNamer server = items -> {
            asked.addAll(items);
            return List.of(); // expunged: the server names nothing any more
        };
        try (AuditPipeline pipeline =
                AuditPipeline.open(data, clock, PipelineOptions.defaults(), "test", null, false, server)) {
            assertThat(pipeline.inspect(g -> g.pendingIntents().size()).get()).isZero();
        }
        assertThat(asked)
                .as("only the message the intent did not name is asked for")
                .containsExactly(new IntentNamer.Unnamed("alice@contoso.com", "INBOX", 7, 2, inbox.id() + ";uid=2"));
        List<String> records;
        try (AuditPipeline pipeline = open()) {
            records = items(pipeline.mailboxLog());
        }
        assertThat(records).singleElement().satisfies(r -> assertThat(r)
                .contains("\"Operation\":\"HardDelete\"")
                .contains("MailTrailIntent")
                .contains("<one@contoso.com>")
                .contains("Quarterly figures")
                .contains("uid=1")
                .contains("uid=2"));
        deleteSnapshots();
        try (AuditPipeline pipeline = open()) {
            assertThat(items(pipeline.mailboxLog()))
                    .as("the same record on a replay from the journal's start")
                    .isEqualTo(records);
        }
    }

    private static MailboxAccess like(MailboxAccess a, MailboxAction operation) {
        return new MailboxAccess(
                a.time(),
                a.actor(),
                a.mailbox(),
                a.logonType(),
                operation,
                null,
                a.session(),
                a.folder(),
                null,
                a.items(),
                null,
                null);
    }

    private AuditPipeline open() throws Exception {
        return AuditPipeline.open(data, clock, PipelineOptions.defaults(), "test");
    }

    private static ItemRef item(long uid, String messageId) {
        return new ItemRef(messageId, INBOX.id() + ";uid=" + uid, null, null);
    }

    private static MailboxAccess read(Instant at, ItemRef... items) {
        return read(at, INBOX, items);
    }

    private static MailboxAccess read(Instant at, FolderRef folder, ItemRef... items) {
        return new MailboxAccess(
                at,
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                SESSION,
                folder,
                null,
                List.of(items),
                null,
                null);
    }

    private static List<String> items(AuditLogSearch log) throws Exception {
        List<String> records = new ArrayList<>();
        log.export(found -> records.add(found.auditData()));
        return records;
    }
}
