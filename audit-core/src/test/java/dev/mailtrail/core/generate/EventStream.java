package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.MailboxAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random event streams over a few mailboxes, actors, sessions, addresses, folders and messages, in time order:
 * mostly binds, some syncs, other actions and cmdlets that turn auditing, bypass and lists on and off.
 */
final class EventStream {
    static final int MAILBOXES = 3;
    private static final String[] FOLDERS = {"\\Inbox", "\\Sent Items", "\\Finance"};
    private static final MailboxAction[] OTHER_ACTIONS = {
        MailboxAction.SOFT_DELETE, MailboxAction.MAILBOX_LOGIN, MailboxAction.MOVE, MailboxAction.FOLDER_BIND
    };
    private static final List<String> CMDLETS = List.of(
            "Set-OrganizationConfig -AuditDisabled $true",
            "Set-OrganizationConfig -AuditDisabled $false",
            "Set-OrganizationConfig -AuditDisabled $false",
            "Set-MailboxAuditBypassAssociation user1@contoso.com -AuditBypassEnabled $true",
            "Set-MailboxAuditBypassAssociation user1@contoso.com -AuditBypassEnabled $false",
            "Set-Mailbox user0@contoso.com -AuditOwner None",
            "Set-Mailbox user0@contoso.com -DefaultAuditSet Owner",
            "Set-Mailbox user2@contoso.com -AuditDelegate @{Remove='MailItemsAccessed'}",
            "Set-Mailbox user2@contoso.com -AuditDelegate @{Add='MailItemsAccessed','FolderBind'}",
            "Set-Mailbox user1@contoso.com -AuditAdmin @{Add='MessageBind'}");

    /** One step: how long after the previous one, what kind of event, and who, where and what. */
    record Step(
            long gapMillis,
            int kind,
            int mailbox,
            int actor,
            int session,
            int ip,
            int folder,
            List<Integer> messages) {}

    private EventStream() {}

    static Arbitrary<List<Step>> steps(int maxSize) {
        Arbitrary<Long> gap = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(0, 30_000)),
                Tuple.of(4, Arbitraries.longs().between(30_000, 180_000)),
                Tuple.of(1, Arbitraries.longs().between(180_000, 2 * 3_600_000)));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 39);
        Arbitrary<Integer> mailbox = Arbitraries.integers().between(0, MAILBOXES - 1);
        Arbitrary<Integer> actor = Arbitraries.integers().between(0, MAILBOXES);
        Arbitrary<Integer> session = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> ip = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> folder = Arbitraries.integers().between(0, FOLDERS.length - 1);
        Arbitrary<List<Integer>> messages =
                Arbitraries.integers().between(0, 7).list().ofMaxSize(4);
        return Combinators.combine(gap, kind, mailbox, actor, session, ip, folder, messages)
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(maxSize);
    }

    /** The events of the steps, from {@code start} on. */
    static List<AuditEvent> events(List<Step> steps, Instant start) {
        List<AuditEvent> events = new ArrayList<>(steps.size());
        Instant time = start;
        for (Step step : steps) {
            time = time.plusMillis(step.gapMillis());
            events.add(event(step, time));
        }
        return events;
    }

    private static AuditEvent event(Step step, Instant time) {
        if (step.kind() >= 36) {
            String line =
                    CMDLETS.get((step.folder() + 3 * step.session() + 12 * step.ip() + step.kind()) % CMDLETS.size());
            return new CmdletInvocation(time, "admin@contoso.com", line, null);
        }
        Access access = who(step);
        String[] ids = step.messages().stream().map(m -> "M" + m).toArray(String[]::new);
        if (step.kind() < 28) {
            return access.bind(time, ids);
        }
        if (step.kind() < 32) {
            return access.sync(time, ids);
        }
        return access.operation(time, OTHER_ACTIONS[step.kind() - 32], ids);
    }

    private static Access who(Step step) {
        String mailbox = user(step.mailbox());
        Access owner = Access.owner(mailbox)
                .session("session" + step.session())
                .ip("192.0.2." + step.ip())
                .in(FOLDERS[step.folder()]);
        if (step.actor() == step.mailbox()) {
            return owner;
        }
        LogonType logonType = step.kind() % 3 == 0 ? LogonType.ADMIN : LogonType.DELEGATE;
        return owner.by(user(step.actor()), logonType);
    }

    static String user(int index) {
        return "user" + index + "@contoso.com";
    }

    /** The binds a stream hands the core: every item of every MailItemsAccessed Bind. */
    static long binds(List<AuditEvent> events) {
        return events.stream()
                .filter(e -> e instanceof MailboxAccess access
                        && access.operation() == MailboxAction.MAIL_ITEMS_ACCESSED
                        && access.accessType() == dev.mailtrail.core.action.MailAccessType.BIND)
                .mapToLong(e -> ((MailboxAccess) e).items().size())
                .sum();
    }
}
