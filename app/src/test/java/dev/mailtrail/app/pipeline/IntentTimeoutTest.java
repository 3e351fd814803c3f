package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a clustered journal no process restarts to resolve the intents a lost proxy left open: a tick resolves those
 * opened longer than the intent timeout before its time (decision 0033), so that whoever applies the partition makes
 * the same records at the same point.
 */
class IntentTimeoutTest {
    private static final Instant T0 = Instant.parse("2026-03-03T12:00:00Z");
    private static final Session SESSION = new Session("s-1", "192.0.2.1", "Client=IMAP4", null);
    private static final FolderRef INBOX = new FolderRef("alice@contoso.com/INBOX;uidvalidity=7", "\\Inbox");

    @Test
    void aTickResolvesAnIntentOnlyOnceItIsOpenLongerThanTheTimeout() {
        List<AuditRecord> made = new ArrayList<>();
        JournalDrivenCore core = core(made);
        core.apply(new PipelineEntry.Event(new AccessIntent("s-1/1", read(T0, item(1), item(2)))));

        core.apply(new PipelineEntry.Tick(T0.plus(Duration.ofSeconds(119))));
        assertThat(core.generator().pendingIntents()).as("within the timeout").hasSize(1);

        core.apply(new PipelineEntry.Tick(T0.plus(Duration.ofSeconds(121))));
        assertThat(core.generator().pendingIntents()).as("past the timeout").isEmpty();

        core.apply(new PipelineEntry.Flush(T0.plus(Duration.ofSeconds(122))));
        assertThat(made).hasSize(1);
        assertThat(made.getFirst().toString()).contains("uid=1").contains("uid=2");
    }

    @Test
    void theSameEntriesMakeTheSameRecordsWithTheSameIds() {
        List<PipelineEntry> entries = List.of(
                new PipelineEntry.Event(new AccessIntent("s-1/1", read(T0, item(1)))),
                new PipelineEntry.Tick(T0.plus(Duration.ofMinutes(3))),
                new PipelineEntry.Flush(T0.plus(Duration.ofMinutes(4))));
        List<AuditRecord> first = new ArrayList<>();
        List<AuditRecord> second = new ArrayList<>();
        JournalDrivenCore one = core(first);
        JournalDrivenCore other = core(second);
        entries.forEach(one::apply);
        entries.forEach(other::apply);

        assertThat(first).hasSize(1).isEqualTo(second);
    }

    @Test
    void withoutATimeoutAnIntentWaitsForItsOutcome() {
        List<AuditRecord> made = new ArrayList<>();
        JournalDrivenCore core = new JournalDrivenCore(
                RecordIds.named("test/p0"), (record, config) -> made.add(record), loss -> {}, made::add, null);
        core.apply(new PipelineEntry.Event(new AccessIntent("s-1/1", read(T0, item(1)))));
        core.apply(new PipelineEntry.Tick(T0.plus(Duration.ofDays(1))));

        assertThat(core.generator().pendingIntents()).hasSize(1);
        assertThat(made).isEmpty();
    }

    private static JournalDrivenCore core(List<AuditRecord> made) {
        return new JournalDrivenCore(
                RecordIds.named("test/p0"),
                (record, config) -> made.add(record),
                loss -> {},
                dropped -> {
                    throw new AssertionError("nothing is configuration-only here");
                },
                Duration.ofMinutes(2));
    }

    private static ItemRef item(long uid) {
        return new ItemRef(null, INBOX.id() + ";uid=" + uid, null, null);
    }

    private static MailboxAccess read(Instant at, ItemRef... items) {
        return new MailboxAccess(
                at,
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                MailAccessType.BIND,
                SESSION,
                INBOX,
                null,
                List.of(items),
                null,
                null);
    }
}
