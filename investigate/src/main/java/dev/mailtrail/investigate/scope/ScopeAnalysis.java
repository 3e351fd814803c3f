package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.investigate.importer.normalise.UnnamedItems;
import dev.mailtrail.investigate.mailboxes.MailboxDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a {@link Scope}: Microsoft's four steps (exchange-audit.md §9) over a case's records, plus what the
 * steps leave to the analyst: blind windows, the attacker's other actions, a timeline, and suspicious sessions
 * when the attacker is not named. Records may come in any order; those of the mailbox, its configuration and the
 * organisation's are kept and put in time order.
 */
public final class ScopeAnalysis {
    private static final String MAIL_ITEMS_ACCESSED = "MailItemsAccessed";

    /** The scope of the query over the records. */
    public Scope analyse(Iterable<AuditRecord> records, ScopeQuery query) {
        return analyse(records, query, new MessageCatalogue());
    }

    /**
     * The scope of the query over the records, resolving messages from the catalogue as well (a message trace
     * learned into it) as from the records.
     */
    public Scope analyse(Iterable<AuditRecord> records, ScopeQuery query, MessageCatalogue catalogue) {
        return analyse(records, query, catalogue, new MailboxDirectory());
    }

    /**
     * The scope of the query over the records, the mailbox known by every name the case's directory and the
     * records themselves give it (the directory is not changed).
     */
    public Scope analyse(
            Iterable<AuditRecord> records, ScopeQuery query, MessageCatalogue catalogue, MailboxDirectory directory) {
        MailboxDirectory names = directory.copy();
        List<AuditRecord> all = new ArrayList<>();
        for (AuditRecord record : records) {
            names.learn(record);
            all.add(record);
        }
        MailboxTarget mailbox = new MailboxTarget(names.identityOf(query.mailbox()));
        AttackerHints attacker = query.attacker();
        List<AuditRecord> relevant = new ArrayList<>();
        for (AuditRecord record : SameAccess.once(all)) {
            catalogue.learn(record);
            if (mailbox.concerns(record)
                    || changesAuditing(record)
                    || (attacker.matches(record) && record.recordType() == 1)) {
                relevant.add(record);
            }
        }
        relevant.sort(Comparator.comparing(AuditRecord::creationTime)
                .thenComparingInt(record -> OperationChain.rank(record.operation())));
        return analyseSorted(relevant, query, mailbox, catalogue);
    }

    private Scope analyseSorted(
            List<AuditRecord> records, ScopeQuery query, MailboxTarget mailbox, MessageCatalogue catalogue) {
        AttackerHints attacker = query.attacker();
        BlindWindowFinder blind = new BlindWindowFinder(mailbox, actors(records, query, mailbox));
        SuspiciousSessionFinder suspicious = new SuspiciousSessionFinder(query);
        List<Instant> mailboxTimes = new ArrayList<>();
        List<MessageRead> reads = new ArrayList<>();
        List<FolderSync> syncs = new ArrayList<>();
        List<AttackerAction> actions = new ArrayList<>();
        List<UnnamedRead> unnamed = new ArrayList<>();
        long inWindow = 0;
        for (AuditRecord record : records) {
            blind.accept(record);
            boolean concerns = mailbox.concerns(record);
            if (concerns) {
                mailboxTimes.add(record.creationTime());
                if (record.recordType() != 1) {
                    suspicious.accept(record);
                } else {
                    suspicious.acceptCmdlet(record);
                }
            }
            if (!query.inWindow(record.creationTime())) {
                continue;
            }
            if (concerns) {
                inWindow++;
            }
            // Without hints the mailbox's whole activity is listed, so the analyst sees what the proposals rest on.
            if (attacker.isEmpty() ? concerns : attacker.matches(record)) {
                attribute(record, catalogue, reads, syncs, actions);
                unnamedRead(record).ifPresent(unnamed::add);
            }
        }
        List<BlindWindow> windows = new ArrayList<>();
        for (BlindWindow window : blind.finish()) {
            if (query.overlaps(window.from(), window.to())) {
                windows.add(window);
            }
        }
        windows.addAll(QuietStretches.find(mailboxTimes, attackerTimes(reads, syncs, actions), query, windows));
        windows.sort(Comparator.comparing(BlindWindow::from).thenComparing(BlindWindow::reason));
        List<AttackerSession> sessions = sessions(reads, syncs, actions, unnamed);
        List<SuspiciousSession> proposed = suspicious.finish();
        List<TimelineEntry> timeline = Timeline.of(reads, syncs, actions, windows);
        ScopeStatement words = new ScopeStatement(query, reads, syncs, actions, windows, sessions, proposed, unnamed);
        return new Scope(
                query,
                mailbox.identity(),
                inWindow,
                reads,
                syncs,
                windows,
                actions,
                sessions,
                proposed,
                timeline,
                words.statement(),
                words.caveats(),
                unnamed);
    }

    private static void attribute(
            AuditRecord record,
            MessageCatalogue catalogue,
            List<MessageRead> reads,
            List<FolderSync> syncs,
            List<AttackerAction> actions) {
        if (!MAIL_ITEMS_ACCESSED.equals(record.operation())) {
            ActionReader.read(record).ifPresent(actions::add);
            return;
        }
        AccessContext access = AccessContext.of(record);
        String type =
                record.mailAccessType() == null ? "" : record.mailAccessType().toLowerCase(Locale.ROOT);
        if (type.equals("sync")) {
            Integer synced =
                    record.syncedItems() == null ? null : record.syncedItems().size();
            for (String folder : folders(record)) {
                syncs.add(new FolderSync(record.creationTime(), folder, synced, record.syncedItems(), access));
            }
            return;
        }
        if (record.folders() != null) {
            for (FolderItems folder : record.folders()) {
                for (ItemRef item : folder.folderItems()) {
                    reads.add(new MessageRead(
                            record.creationTime(),
                            item.internetMessageId(),
                            item.id(),
                            folder.path(),
                            item.sizeInBytes(),
                            catalogue.resolve(item.internetMessageId(), item.id()),
                            access));
                }
            }
        } else if (record.item() != null) {
            var item = record.item();
            reads.add(new MessageRead(
                    record.creationTime(),
                    item.internetMessageId(),
                    item.id(),
                    item.parentFolder() == null ? null : item.parentFolder().path(),
                    item.sizeInBytes(),
                    catalogue.resolve(item.internetMessageId(), item.id()),
                    access));
        }
    }

    /** The items a Bind record counts as read without naming them, if any. */
    private static Optional<UnnamedRead> unnamedRead(AuditRecord record) {
        int items = UnnamedItems.count(record);
        if (items == 0) {
            return Optional.empty();
        }
        List<String> paths = folders(record);
        return Optional.of(new UnnamedRead(
                record.creationTime(),
                paths.isEmpty() ? null : String.join(", ", paths),
                items,
                AccessContext.of(record),
                UnnamedItems.exportThatNamesThem()));
    }

    /** The folders of a Sync record: Folders[], or the observed variant's Item.ParentFolder, or Folder. */
    private static List<String> folders(AuditRecord record) {
        List<String> paths = new ArrayList<>();
        if (record.folders() != null) {
            record.folders().forEach(folder -> paths.add(folder.path()));
        } else if (record.item() != null && record.item().parentFolder() != null) {
            paths.add(record.item().parentFolder().path());
        } else if (record.folder() != null) {
            paths.add(record.folder().path());
        }
        return paths;
    }

    private static boolean changesAuditing(AuditRecord record) {
        return "Set-OrganizationConfig".equals(record.operation())
                || "Set-MailboxAuditBypassAssociation".equals(record.operation());
    }

    /** Whose audit bypass blinds the mailbox: its owner, the attacker's accounts, and who acted as the attacker. */
    private static Set<String> actors(List<AuditRecord> records, ScopeQuery query, MailboxTarget mailbox) {
        Set<String> actors = new HashSet<>(query.attacker().userIds());
        actors.add(query.mailbox().strip().toLowerCase(Locale.ROOT));
        for (AuditRecord record : records) {
            if (record.userId() != null && query.attacker().matches(record) && mailbox.concerns(record)) {
                actors.add(record.userId().toLowerCase(Locale.ROOT));
            }
        }
        return actors;
    }

    private static List<Instant> attackerTimes(
            List<MessageRead> reads, List<FolderSync> syncs, List<AttackerAction> actions) {
        List<Instant> times = new ArrayList<>();
        reads.forEach(read -> times.add(read.time()));
        syncs.forEach(sync -> times.add(sync.time()));
        actions.forEach(action -> times.add(action.time()));
        times.sort(Comparator.naturalOrder());
        return times;
    }

    private static List<AttackerSession> sessions(
            List<MessageRead> reads, List<FolderSync> syncs, List<AttackerAction> actions, List<UnnamedRead> unnamed) {
        Map<String, SessionBuilder> sessions = new LinkedHashMap<>();
        reads.forEach(read -> sessions.computeIfAbsent(read.access().sessionKey(), SessionBuilder::new)
                .add(read.time(), read.access())
                .reads
                .add(read));
        syncs.forEach(sync -> sessions.computeIfAbsent(sync.access().sessionKey(), SessionBuilder::new)
                .add(sync.time(), sync.access())
                .syncs
                .add(sync));
        actions.forEach(action -> sessions.computeIfAbsent(action.access().sessionKey(), SessionBuilder::new)
                .add(action.time(), action.access())
                .actions
                .add(action));
        // A session whose reads no record names is a session all the same: its IP, client and times.
        unnamed.forEach(read -> sessions.computeIfAbsent(read.access().sessionKey(), SessionBuilder::new)
                .add(read.time(), read.access()));
        return sessions.values().stream()
                .map(SessionBuilder::build)
                .sorted(Comparator.comparing(AttackerSession::first))
                .toList();
    }

    private static final class SessionBuilder {
        final String key;
        final Set<String> ips = new java.util.LinkedHashSet<>();
        final Set<String> clients = new java.util.LinkedHashSet<>();
        final Set<String> users = new java.util.LinkedHashSet<>();
        final List<MessageRead> reads = new ArrayList<>();
        final List<FolderSync> syncs = new ArrayList<>();
        final List<AttackerAction> actions = new ArrayList<>();
        Instant first;
        Instant last;

        SessionBuilder(String key) {
            this.key = key;
        }

        SessionBuilder add(Instant time, AccessContext access) {
            if (access.ip() != null) {
                ips.add(access.ip());
            }
            if (access.client() != null) {
                clients.add(access.client());
            }
            if (access.userId() != null) {
                users.add(access.userId());
            }
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
            return this;
        }

        AttackerSession build() {
            reads.sort(Comparator.comparing(MessageRead::time));
            syncs.sort(Comparator.comparing(FolderSync::time));
            actions.sort(Comparator.comparing(AttackerAction::time)
                    .thenComparingInt(action -> OperationChain.rank(action.operation())));
            return new AttackerSession(
                    key,
                    List.copyOf(ips),
                    List.copyOf(clients),
                    List.copyOf(users),
                    first,
                    last,
                    reads,
                    syncs,
                    actions);
        }
    }
}
