package dev.mailtrail.bench;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.event.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A reproducible day-in-the-life mix of events for an organisation of 1,000 mailboxes: clients (desktop and
 * mobile owners, a delegate, now and then an admin tool) reading messages one by one, now and then a folder
 * synced in bulk, logins, deletes, moves and sends, and once in a while an administrator's cmdlet. Events arrive
 * about every 10 ms (100 a second across the organisation); sessions last about half an hour; recent messages
 * are read far more often than old ones, so repeats (and de-duplication) happen as they do in a real mailbox.
 */
final class AccessMix {
    /** Who acts next. */
    enum Traffic {
        /**
         * As people read mail: a client that is reading now most likely reads again in a moment, in the same
         * folder; about a hundred clients are busy at a time and others join as they drop out.
         */
        BURSTY,
        /** Every event from any of the 4,000 clients alike: no locality at all, the worst case for caches. */
        UNIFORM
    }

    private static final int BUSY_CLIENTS = 100;

    static final int MAILBOXES = 1_000;
    private static final int CLIENTS_PER_MAILBOX = 4;
    private static final int MESSAGES_PER_MAILBOX = 500;
    private static final long MEAN_GAP_MICROS = 10_000;
    private static final long SESSION_MILLIS = 30 * 60 * 1000;
    private static final String[] FOLDERS = {
        "\\Inbox", "\\Sent Items", "\\Drafts", "\\Archive", "\\Finance", "\\Projects\\2026"
    };
    private static final String[] CLIENT_INFO = {
        "Client=IMAP4; Thunderbird/128.4", "Client=IMAP4; iOS Mail/18.1", "Client=REST; Outlook-Web", "Client=EWS"
    };
    private static final List<String> CMDLETS = List.of(
            "Set-Mailbox -Identity %s -AuditOwner @{Add=\"MailboxLogin\"}",
            "Set-Mailbox -Identity %s -DefaultAuditSet Owner",
            "Set-Mailbox -Identity %s -AuditDelegate @{Add=\"FolderBind\"}",
            "Set-MailboxAuditBypassAssociation -Identity svc-backup@contoso.com -AuditBypassEnabled $true",
            "Set-MailboxAuditBypassAssociation -Identity svc-backup@contoso.com -AuditBypassEnabled $false",
            "Set-Mailbox -Identity %s -AuditAdmin @{Add=\"MessageBind\"}");

    private final SplittableRandom random;
    private final Traffic traffic;
    private final int[] busyMailbox = new int[BUSY_CLIENTS];
    private final int[] busyClient = new int[BUSY_CLIENTS];
    private final int[] busyFolder = new int[BUSY_CLIENTS];
    private final String[] mailboxes = new String[MAILBOXES];
    private final FolderRef[][] folders = new FolderRef[MAILBOXES][FOLDERS.length];
    private final Map<String, Session> sessions = new HashMap<>();

    private AccessMix(Traffic traffic, long seed) {
        this.traffic = traffic;
        random = new SplittableRandom(seed);
        for (int m = 0; m < MAILBOXES; m++) {
            mailboxes[m] = "user%04d@contoso.com".formatted(m);
            for (int f = 0; f < FOLDERS.length; f++) {
                folders[m][f] = new FolderRef(mailboxes[m] + "/" + FOLDERS[f], FOLDERS[f]);
            }
        }
        for (int b = 0; b < BUSY_CLIENTS; b++) {
            replaceBusy(b);
        }
    }

    /** {@code count} events in time order from {@code start}; the same seed gives the same events. */
    static AuditEvent[] generate(Traffic traffic, int count, long seed, Instant start) {
        return new AccessMix(traffic, seed).events(count, start);
    }

    /** The same mix without end, for runs too long to hold in memory. */
    static Supplier<AuditEvent> stream(Traffic traffic, long seed, Instant start) {
        return streamOf(new AccessMix(traffic, seed), start);
    }

    private AuditEvent[] events(int count, Instant start) {
        AuditEvent[] events = new AuditEvent[count];
        Supplier<AuditEvent> next = streamOf(this, start);
        for (int i = 0; i < count; i++) {
            events[i] = next.get();
        }
        return events;
    }

    private static Supplier<AuditEvent> streamOf(AccessMix mix, Instant start) {
        long[] micros = {0};
        return () -> {
            micros[0] += (long) (-Math.log(1 - mix.random.nextDouble()) * MEAN_GAP_MICROS);
            return mix.event(start.plusNanos(micros[0] * 1_000));
        };
    }

    private AuditEvent event(Instant time) {
        int roll = random.nextInt(100_000);
        if (roll < 5) {
            String line = CMDLETS.get(random.nextInt(CMDLETS.size()));
            return new CmdletInvocation(time, "admin@contoso.com", line.formatted(mailbox()), null);
        }
        int busy = nextBusy();
        int mailbox = traffic == Traffic.BURSTY ? busyMailbox[busy] : random.nextInt(MAILBOXES);
        int client = traffic == Traffic.BURSTY ? busyClient[busy] : client();
        int folder = traffic == Traffic.BURSTY ? busyFolder[busy] : folder();
        int percent = roll % 100;
        if (percent < 85) {
            return access(
                    time,
                    mailbox,
                    client,
                    folder,
                    MailboxAction.MAIL_ITEMS_ACCESSED,
                    MailAccessType.BIND,
                    reads(mailbox));
        }
        if (percent < 89) {
            return access(
                    time, mailbox, client, folder, MailboxAction.MAIL_ITEMS_ACCESSED, MailAccessType.SYNC, List.of());
        }
        if (percent < 93) {
            return access(time, mailbox, client, folder, MailboxAction.MAILBOX_LOGIN, null, List.of());
        }
        if (percent < 96) {
            return access(time, mailbox, client, folder, MailboxAction.SOFT_DELETE, null, List.of(message(mailbox)));
        }
        if (percent < 98) {
            return access(time, mailbox, client, folder, MailboxAction.MOVE, null, List.of(message(mailbox)));
        }
        return access(time, mailbox, client, folder, MailboxAction.SEND, null, List.of(message(mailbox)));
    }

    /** The busy client that acts next: mostly one already busy, sometimes a newcomer taking a slot. */
    private int nextBusy() {
        int busy = random.nextInt(BUSY_CLIENTS);
        int roll = random.nextInt(100);
        if (roll < 5) {
            replaceBusy(busy);
        } else if (roll < 15) {
            busyFolder[busy] = folder();
        }
        return busy;
    }

    private void replaceBusy(int busy) {
        busyMailbox[busy] = random.nextInt(MAILBOXES);
        busyClient[busy] = client();
        busyFolder[busy] = folder();
    }

    /** Owners' desktop and phone most of the time, a delegate sometimes, an admin tool rarely. */
    private int client() {
        int roll = random.nextInt(100);
        return roll < 55 ? 0 : roll < 85 ? 1 : roll < 98 ? 2 : 3;
    }

    private MailboxAccess access(
            Instant time,
            int mailbox,
            int client,
            int folderIndex,
            MailboxAction operation,
            MailAccessType type,
            List<ItemRef> items) {
        String owner = mailboxes[mailbox];
        String actor = client < 2 ? owner : client == 2 ? mailboxes[(mailbox + 1) % MAILBOXES] : "admin@contoso.com";
        LogonType logonType = client < 2 ? LogonType.OWNER : client == 2 ? LogonType.DELEGATE : LogonType.ADMIN;
        FolderRef folder = folders[mailbox][folderIndex];
        FolderRef dest = operation == MailboxAction.MOVE ? folders[mailbox][3] : null;
        return new MailboxAccess(
                time,
                actor,
                owner,
                logonType,
                operation,
                type,
                session(mailbox, client, time),
                folder,
                dest,
                items,
                null,
                null);
    }

    /** Most reads are in the Inbox. */
    private int folder() {
        int roll = random.nextInt(10);
        return roll < 6 ? 0 : 1 + random.nextInt(FOLDERS.length - 1);
    }

    private List<ItemRef> reads(int mailbox) {
        int roll = random.nextInt(10);
        if (roll < 8) {
            return List.of(message(mailbox));
        }
        int count = 2 + random.nextInt(4);
        List<ItemRef> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(message(mailbox));
        }
        return items;
    }

    /**
     * Recent messages far more often than old ones. Each read gets its own item, as a sensor parses one from every
     * FETCH; sessions, folders and names stay shared, as a sensor keeps them per connection.
     */
    private ItemRef message(int mailbox) {
        double skew = random.nextDouble();
        int index = (int) (MESSAGES_PER_MAILBOX * skew * skew * skew);
        return new ItemRef(
                "<m" + index + "." + mailbox + "@contoso.com>",
                mailboxes[mailbox] + ";uid=" + index,
                20_000L + index,
                null);
    }

    /** A client's session changes every half hour or so, with its address kept. */
    private Session session(int mailbox, int client, Instant time) {
        long generation = (time.toEpochMilli() + (long) mailbox * 7_919 * client) / SESSION_MILLIS;
        String id = mailbox + "-" + client + "-" + generation;
        return sessions.computeIfAbsent(
                id,
                k -> new Session(
                        "session-" + k,
                        "10.%d.%d.%d".formatted(client, mailbox / 256, mailbox % 256),
                        CLIENT_INFO[client],
                        null));
    }

    private String mailbox() {
        return mailboxes[random.nextInt(MAILBOXES)];
    }
}
