package dev.mailtrail.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.app.pipeline.JournalDrivenCore;
import dev.mailtrail.app.pipeline.PipelineEntry;
import dev.mailtrail.app.pipeline.RecordIds;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import dev.mailtrail.format.auditdata.AuditDataWriter;
import dev.mailtrail.store.log.AuditLogSearch;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Events over many mailboxes, the records the embedded pipeline's core makes of them, and records compared. */
final class ClusterEvents {
    static final Instant START = Instant.parse("2026-03-03T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterEvents() {}

    /** A clock the test moves; the cores' ticks carry its time. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * Cmdlets that change four mailboxes' configuration first (every partition must take it up), then {@code count}
     * accesses of {@code mailboxes} mailboxes by their owners and a delegate, a few seconds apart.
     */
    static List<AuditEvent> of(long seed, int mailboxes, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AuditEvent> events = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            events.add(new CmdletInvocation(
                    START,
                    "admin@contoso.com",
                    "Set-Mailbox -Identity m" + m + "@contoso.com -AuditDelegate @{Add=\"FolderBind\"}",
                    null));
        }
        Instant time = START;
        for (int i = 0; i < count; i++) {
            time = time.plusMillis(random.nextLong(3_000));
            String mailbox = "m" + random.nextInt(mailboxes) + "@contoso.com";
            boolean delegate = random.nextInt(4) == 0;
            String actor = delegate ? "delegate@contoso.com" : mailbox;
            int kind = random.nextInt(10);
            MailboxAction action = kind < 2
                    ? MailboxAction.FOLDER_BIND
                    : kind < 3 ? MailboxAction.SOFT_DELETE : MailboxAction.MAIL_ITEMS_ACCESSED;
            MailAccessType type = action != MailboxAction.MAIL_ITEMS_ACCESSED
                    ? null
                    : kind < 5 ? MailAccessType.SYNC : MailAccessType.BIND;
            events.add(access(time, actor, mailbox, action, type, "s" + random.nextInt(3), random.nextInt(30)));
        }
        return events;
    }

    static MailboxAccess bind(Instant time, String mailbox, int message) {
        return access(time, mailbox, mailbox, MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.BIND, "s1", message);
    }

    static MailboxAccess access(
            Instant time,
            String actor,
            String mailbox,
            MailboxAction action,
            MailAccessType type,
            String session,
            int message) {
        List<ItemRef> items = action == MailboxAction.FOLDER_BIND
                ? List.of()
                : List.of(new ItemRef("<m" + message + "@contoso.com>", "id" + message, 1_000L, "Subject " + message));
        return new MailboxAccess(
                time,
                actor,
                mailbox,
                actor.equals(mailbox) ? LogonType.OWNER : LogonType.DELEGATE,
                action,
                type,
                new Session(session, "10.0.0.1", "Client=IMAP4", null),
                new FolderRef("f-" + mailbox + "-inbox", "\\Inbox"),
                null,
                items,
                null,
                null);
    }

    /** The mailbox audit log's records the embedded pipeline's core makes of {@code events}, flushed at the end. */
    static List<String> embedded(List<AuditEvent> events) {
        List<String> records = new ArrayList<>();
        AuditDataWriter writer = new AuditDataWriter();
        JournalDrivenCore core = new JournalDrivenCore(
                RecordIds.named("embedded"),
                (record, organization) -> {
                    if (record.mailboxOwnerUpn() != null) {
                        records.add(normal(writer.toJson(record)));
                    }
                },
                loss -> {},
                dropped -> {},
                null);
        events.forEach(event -> core.apply(new PipelineEntry.Event(event)));
        core.apply(new PipelineEntry.Flush(START.plusSeconds(7_200)));
        return records.stream().sorted().toList();
    }

    /** The records of {@code log}, each as {@link #normal}, sorted. */
    static List<String> stored(AuditLogSearch log) throws IOException {
        List<String> records = new ArrayList<>();
        log.export(found -> records.add(normal(found.auditData())));
        return records.stream().sorted().toList();
    }

    /** The Ids of the records of {@code log}, as stored. */
    static List<String> ids(AuditLogSearch log) throws IOException {
        List<String> ids = new ArrayList<>();
        log.export(found -> ids.add(found.id()));
        return ids;
    }

    /** A record's AuditData without its Id: what two pipelines numbering records differently still agree on. */
    static String normal(String auditData) {
        try {
            ObjectNode record = (ObjectNode) JSON.readTree(auditData);
            record.remove("Id");
            return record.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
