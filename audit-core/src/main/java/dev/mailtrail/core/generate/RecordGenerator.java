package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.cmdlet.AuditCmdlets;
import dev.mailtrail.core.cmdlet.CmdletOutcome;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.decision.AuditDecision;
import dev.mailtrail.core.decision.AuditPolicy;
import dev.mailtrail.core.event.AccessIntent;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.core.event.CmdletInvocation;
import dev.mailtrail.core.event.IntentOutcome;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit core's entry: events in, records out. Cmdlet lines change the configuration and leave an admin
 * record; accesses are decided against the configuration and, when audited, become records of types 2, 3, 50
 * or 101. Open MailItemsAccessed windows close on the clock ({@link #closeExpiredWindows()}, called by whoever
 * owns the thread, and before every event) and all at {@link #flush()}.
 *
 * <p>Single-threaded: one generator per audit stream. Time comes from the injected {@link Clock} only.
 */
public final class RecordGenerator {
    static final Duration FOLDER_BIND_DEDUPLICATION = Duration.ofHours(24);

    private record FolderBindKey(String mailbox, String actor, String folderPath) {}

    private final AuditConfiguration configuration;
    private final Clock clock;
    private final RecordSink sink;
    private final RecordFactory factory;
    private final StatisticsCounter statistics = new StatisticsCounter();
    private final MailItemsAccessedAggregator mailItemsAccessed;
    private final ExpiringKeys<FolderBindKey> recentFolderBinds = new ExpiringKeys<>(FOLDER_BIND_DEDUPLICATION);
    private final PendingIntents intents = new PendingIntents();

    public RecordGenerator(AuditConfiguration configuration, Clock clock, RecordSink sink, IdSource ids) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.factory = new RecordFactory(Objects.requireNonNull(ids, "ids"));
        this.mailItemsAccessed = new MailItemsAccessedAggregator(configuration, factory, statistics, this::emit);
    }

    public AuditConfiguration configuration() {
        return configuration;
    }

    /** Takes one event; records it causes go to the sink now or when their window closes. */
    public Acceptance accept(AuditEvent event) {
        // An event older than the clock (a backfill after a tick or a flush moved the clock to the wall's time)
        // closes windows only up to its own time: the reads of one window aggregate however late they arrive.
        Instant now = clock.instant();
        closeExpiredWindowsAt(event.time().isBefore(now) ? event.time() : now);
        statistics.events++;
        return switch (event) {
            case MailboxAccess access -> {
                intents.completed(access);
                yield Acceptance.of(access(access));
            }
            case CmdletInvocation invocation -> Acceptance.of(cmdlet(invocation));
            case AccessIntent intent -> {
                intents.opened(intent);
                yield Acceptance.NONE;
            }
            case IntentOutcome outcome ->
                intents.closed(outcome).map(read -> Acceptance.of(access(read))).orElse(Acceptance.NONE);
        };
    }

    /**
     * Resolves every intent still open (docs/decisions/0011): the items no access named become a read, recorded as
     * any other. Called when the journal's replay ended with intents open (the process stopped before their answers
     * were journaled), and at {@link #flush()}.
     */
    public void resolveIntents(String why) {
        resolveIntents(why, java.util.Map.of());
    }

    /**
     * As {@link #resolveIntents(String)}, each unnamed item named by the identity {@code names} holds for its id
     * (what a lookup on the server found since; the caller journals it, so that a replay names it the same way).
     */
    public void resolveIntents(String why, java.util.Map<String, dev.mailtrail.core.event.ItemRef> names) {
        for (MailboxAccess read : intents.resolveAll(why, names)) {
            access(read);
        }
    }

    /**
     * Resolves the intents opened before {@code cutoff} as {@link #resolveIntents(String)} does: their proxy is gone
     * (a clustered core's intent timeout, decision 0033), so no answer will close them.
     */
    public void resolveIntentsOpenedBefore(Instant cutoff, String why) {
        for (MailboxAccess read : intents.resolveOpenedBefore(cutoff, why)) {
            access(read);
        }
    }

    /** The intents journaled and not yet closed, in the order they were opened. */
    public List<PendingIntents.Pending> pendingIntents() {
        return intents.state();
    }

    /** Replaces the open intents (from {@link #pendingIntents()} of a generator at the same journal position). */
    public void restorePendingIntents(List<PendingIntents.Pending> state) {
        intents.restore(state);
    }

    /** Closes the MailItemsAccessed windows whose time is up on the clock. */
    public void closeExpiredWindows() {
        closeExpiredWindowsAt(clock.instant());
    }

    private void closeExpiredWindowsAt(Instant now) {
        mailItemsAccessed.closeExpired(now);
        recentFolderBinds.expire(now);
    }

    /** Closes every open window now: at shutdown or the end of input, so that nothing is lost. */
    public void flush() {
        resolveIntents("open when the audit stream was flushed");
        mailItemsAccessed.flush(clock.instant());
    }

    /**
     * The core's state beyond its configuration, as plain values, for a snapshot: a new generator given it by {@link
     * #restoreState} goes on exactly as this one does. Its parts share nothing with the generator.
     */
    public GeneratorState exportState() {
        return mailItemsAccessed.export(
                recentFolderBinds.export(
                        key -> new GeneratorState.ContextKey(key.mailbox(), key.actor(), null, null, null, null, null),
                        FolderBindKey::folderPath),
                statistics.snapshot());
    }

    /** Takes up what {@link #exportState()} gave; for a generator that has taken no event yet. */
    public void restoreState(GeneratorState state) {
        mailItemsAccessed.restore(state);
        recentFolderBinds.restore(
                state.recentFolderBinds(),
                (context, folder) -> new FolderBindKey(context.mailbox(), context.actor(), folder));
        statistics.restore(state.statistics());
    }

    public AuditStatistics statistics() {
        return statistics.snapshot();
    }

    public int openWindows() {
        return mailItemsAccessed.openWindows();
    }

    /** The MailItemsAccessed windows still open, in the order they close: accesses not yet in any record. */
    public List<OpenAggregation> openAggregations() {
        return mailItemsAccessed.openAggregations();
    }

    /**
     * The earliest CreationTime a record not yet emitted can have, given no event older than {@code next}
     * arrives: callers that must emit in CreationTime order can release everything before it.
     */
    public Instant watermark(Instant next) {
        Instant oldest = mailItemsAccessed.oldestOpenWindowStart();
        return oldest == null || next.isBefore(oldest) ? next : oldest;
    }

    private AuditDecision access(MailboxAccess access) {
        MailboxAuditConfig mailbox = configuration.mailbox(access.mailbox());
        OrganizationConfig organization = configuration.organization();
        AuditDecision decision = AuditPolicy.decide(
                organization,
                mailbox,
                configuration.bypassed(access.actor()),
                access.actor(),
                access.logonType(),
                access.operation());
        if (!decision.audited()) {
            statistics.notAudited[decision.verdict().ordinal()]++;
            if (access.operation() == MailboxAction.MAIL_ITEMS_ACCESSED && access.accessType() == MailAccessType.BIND) {
                statistics.bindsNotAudited += access.items().size();
            }
            return decision;
        }
        MailboxAccess canonical = access.mailbox().equals(mailbox.identity()) ? access : withMailbox(access, mailbox);
        record(canonical, organization);
        return decision;
    }

    private void record(MailboxAccess access, OrganizationConfig organization) {
        switch (RecordFactory.recordTypeOf(access.operation())) {
            case RecordType.EXCHANGE_ITEM_AGGREGATED -> mailItemsAccessed.accept(access);
            case RecordType.EXCHANGE_ITEM -> factory.items(organization, access).forEach(this::emit);
            case RecordType.EXCHANGE_SEARCH -> emit(factory.search(organization, access));
            default -> {
                if (isRepeatedDelegateFolderBind(access)) {
                    statistics.folderBindsDeduplicated++;
                } else {
                    emit(factory.itemGroup(organization, access));
                }
            }
        }
    }

    /** Delegate FolderBind: one record per folder per 24 hours. */
    private boolean isRepeatedDelegateFolderBind(MailboxAccess access) {
        if (access.operation() != MailboxAction.FOLDER_BIND || access.logonType() != LogonType.DELEGATE) {
            return false;
        }
        FolderBindKey key = new FolderBindKey(
                access.mailbox(),
                access.actor(),
                access.folder() == null ? null : access.folder().path());
        return !recentFolderBinds.recordUnlessRecent(key, access.time());
    }

    private CmdletOutcome cmdlet(CmdletInvocation invocation) {
        CmdletOutcome outcome = AuditCmdlets.run(configuration, invocation.command());
        if (outcome.succeeded()) {
            statistics.cmdletsSucceeded++;
        } else {
            statistics.cmdletsFailed++;
        }
        emit(factory.admin(configuration.organization(), invocation, outcome));
        return outcome;
    }

    private void emit(AuditRecord record) {
        statistics.records++;
        sink.accept(record);
    }

    private static MailboxAccess withMailbox(MailboxAccess access, MailboxAuditConfig mailbox) {
        return new MailboxAccess(
                access.time(),
                access.actor(),
                mailbox.identity(),
                access.logonType(),
                access.operation(),
                access.accessType(),
                access.session(),
                access.folder(),
                access.destFolder(),
                access.items(),
                access.result(),
                access.parameters());
    }
}
