package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random journal entries over a small world, so that contexts, folders and messages meet again: Binds and Syncs
 * (most), FolderBinds by a delegate, other actions, cmdlets that change lists, bypass and throttling, ticks, a flush
 * now and then, intents for reads with their answers (or a resolution); times mostly forward, sometimes equal, sometimes back a few minutes (a late sensor).
 */
final class RandomEntries {
    private static final String[] MAILBOXES = {"alice@contoso.com", "bob@contoso.com", "carol@contoso.com"};
    private static final String[] ACTORS = {"alice@contoso.com", "bob@contoso.com", "svc@contoso.com"};
    private static final String[] FOLDERS = {"\\Inbox", "\\Archive", "\\Finance"};
    private static final String[] CMDLETS = {
        "Set-Mailbox -Identity %s -AuditOwner @{Add=\"MailItemsAccessed\"}",
        "Set-Mailbox -Identity %s -AuditDelegate @{Add=\"FolderBind\"}",
        "Set-Mailbox -Identity %s -DefaultAuditSet Owner",
        "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $true",
        "Set-MailboxAuditBypassAssociation -Identity svc@contoso.com -AuditBypassEnabled $false",
        "Set-OrganizationConfig -MailItemsAccessedThrottling Exchange",
        "Set-OrganizationConfig -MailItemsAccessedThrottling Off",
        "Set-Mailbox -Identity %s -AuditLogAgeLimit 30.00:00:00"
    };

    private RandomEntries() {}

    /** With {@code throttled}, Exchange's throttling is on from the start and never turned off. */
    static List<PipelineEntry> of(long seed, int count, boolean throttled) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PipelineEntry> entries = new ArrayList<>(count);
        Instant time = Instant.parse("2026-03-03T08:00:00Z");
        if (throttled) {
            entries.add(new PipelineEntry.Event(new CmdletInvocation(
                    time, "admin@contoso.com", "Set-OrganizationConfig -MailItemsAccessedThrottling Exchange", null)));
        }
        List<AccessIntent> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int gap = random.nextInt(100);
            long step = throttled ? 2_000 : 20_000;
            time = gap < 15 ? time : gap < 95 ? time.plusMillis(random.nextLong(step)) : time.plusSeconds(step / 30);
            Instant at = random.nextInt(25) == 0 ? time.minusSeconds(random.nextLong(1, 300)) : time;
            int kind = random.nextInt(1_000);
            if (kind < 20) {
                entries.add(new PipelineEntry.Tick(time));
            } else if (kind < 23) {
                entries.add(new PipelineEntry.Flush(time));
            } else if (kind < 35) {
                String line = CMDLETS[random.nextInt(CMDLETS.length)].formatted(pick(random, MAILBOXES));
                if (throttled && line.endsWith("Off")) {
                    continue;
                }
                entries.add(new PipelineEntry.Event(new CmdletInvocation(at, "admin@contoso.com", line, null)));
            } else if (kind < 50) {
                // an intent journaled for a read: answered later (reads in its session name what went out), or
                // left open for a resolution
                MailboxAccess read = access(random, at, 999);
                AccessIntent intent = new AccessIntent(read.session().id() + "/" + i, read);
                open.add(intent);
                entries.add(new PipelineEntry.Event(intent));
            } else if (kind < 60 && !open.isEmpty()) {
                AccessIntent answered = open.remove(random.nextInt(open.size()));
                String answer = new String[] {"OK", "NO", IntentOutcome.LOST}[random.nextInt(3)];
                entries.add(new PipelineEntry.Event(
                        new IntentOutcome(at, answered.actor(), answered.session(), answered.id(), answer)));
            } else if (kind < 61) {
                open.clear();
                entries.add(new PipelineEntry.Resolve(time));
            } else {
                entries.add(new PipelineEntry.Event(access(random, at, kind)));
            }
        }
        return entries;
    }

    private static MailboxAccess access(SplittableRandom random, Instant at, int kind) {
        String mailbox = pick(random, MAILBOXES);
        String actor = random.nextInt(3) == 0 ? pick(random, ACTORS) : mailbox;
        LogonType logonType = actor.equals(mailbox) ? LogonType.OWNER : LogonType.DELEGATE;
        Session session = new Session("s" + random.nextInt(3), "10.0.0." + random.nextInt(2), "Client=IMAP4", null);
        String path = pick(random, FOLDERS);
        FolderRef folder = new FolderRef("f-" + mailbox + path, path);
        List<ItemRef> items = new ArrayList<>();
        for (int n = random.nextInt(1, 4); n > 0; n--) {
            int message = random.nextInt(40);
            items.add(new ItemRef(
                    "<m" + message + "@contoso.com>", "id" + message, 1_000L + message, "Subject " + message));
        }
        if (kind < 80) {
            return new MailboxAccess(
                    at,
                    actor,
                    mailbox,
                    logonType,
                    MailboxAction.FOLDER_BIND,
                    null,
                    session,
                    folder,
                    null,
                    List.of(),
                    null,
                    null);
        }
        if (kind < 110) {
            return new MailboxAccess(
                    at,
                    actor,
                    mailbox,
                    logonType,
                    MailboxAction.SOFT_DELETE,
                    null,
                    session,
                    folder,
                    null,
                    items,
                    null,
                    null);
        }
        MailAccessType type = kind < 250 ? MailAccessType.SYNC : MailAccessType.BIND;
        return new MailboxAccess(
                at,
                actor,
                mailbox,
                logonType,
                MailboxAction.MAIL_ITEMS_ACCESSED,
                type,
                session,
                folder,
                null,
                items,
                null,
                null);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
