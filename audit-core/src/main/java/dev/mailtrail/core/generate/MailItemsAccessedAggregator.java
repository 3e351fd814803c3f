package dev.mailtrail.core.generate;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.record.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MailItemsAccessed (exchange-audit.md §5). Binds of one context within a 2-minute window make one record; a
 * repeat bind of the same message in the same context and folder within an hour makes nothing new; Sync
 * makes one record per folder, de-duplicated per folder per hour (Sync events for the folder within the
 * window join the record and list what went out); throttling as the organisation's mode says.
 */
final class MailItemsAccessedAggregator {
    static final Duration WINDOW = Duration.ofMinutes(2);
    static final Duration DEDUPLICATION = Duration.ofHours(1);
    static final FolderRef NO_FOLDER = new FolderRef(null, null);

    private static final long DEDUPLICATION_MILLIS = DEDUPLICATION.toMillis();
    /** How often contexts with nothing recent are forgotten; memory only, never what is recorded. */
    private static final long SWEEP_MILLIS = Duration.ofMinutes(10).toMillis();

    private record SyncKey(AccessContext context, String folderPath) {}

    private final AuditConfiguration configuration;
    private final RecordFactory factory;
    private final StatisticsCounter statistics;
    private final Consumer<AuditRecord> emit;
    private final BindContexts bindContexts = new BindContexts(DEDUPLICATION_MILLIS);
    private final Map<SyncKey, AccessWindow> openSyncs = new HashMap<>();
    private final ClosingWindows closing = new ClosingWindows();
    private final ExpiringKeys<SyncKey> recentSyncs = new ExpiringKeys<>(DEDUPLICATION);
    private final MailboxThrottle throttle = new MailboxThrottle();
    private long nextSweepMillis = Long.MIN_VALUE;

    MailItemsAccessedAggregator(
            AuditConfiguration configuration,
            RecordFactory factory,
            StatisticsCounter statistics,
            Consumer<AuditRecord> emit) {
        this.configuration = configuration;
        this.factory = factory;
        this.statistics = statistics;
        this.emit = emit;
    }

    void accept(MailboxAccess access) {
        if (access.accessType() == MailAccessType.BIND) {
            bind(access);
        } else {
            sync(access);
        }
    }

    private void bind(MailboxAccess access) {
        if (throttlingOn() && throttle.suppressesBinds(access.mailbox(), access.time())) {
            statistics.bindsThrottled += access.items().size();
            return;
        }
        BindContext context = bindContexts.of(access);
        FolderRef folder = access.folder() == null ? NO_FOLDER : access.folder();
        long millis = access.time().toEpochMilli();
        AccessWindow window = stillOpen(context.window, access.time());
        List<ItemRef> items = access.items();
        for (int i = 0; i < items.size(); i++) {
            ItemRef item = items.get(i);
            if (!context.recordUnlessRecent(folder.path(), item.identity(), millis)) {
                statistics.bindsDeduplicated++;
                continue;
            }
            if (window == null) {
                window = openWindow(context, access);
                context.window = window;
            }
            window.add(folder, item);
            window.operationCount++;
        }
    }

    private void sync(MailboxAccess access) {
        FolderRef folder = access.folder() == null ? NO_FOLDER : access.folder();
        SyncKey key = new SyncKey(AccessContext.of(access), folder.path());
        AccessWindow window = stillOpen(openSyncs.get(key), access.time());
        if (window == null) {
            if (!recentSyncs.recordUnlessRecent(key, access.time())) {
                statistics.syncsDeduplicated++;
                return;
            }
            window = openWindow(key, access);
            openSyncs.put(key, window);
        }
        window.addFolder(folder);
        for (ItemRef item : access.items()) {
            window.addOnce(folder, item);
        }
        window.operationCount++;
    }

    /** The window if it still covers {@code time}; one that no longer does is closed. */
    private AccessWindow stillOpen(AccessWindow window, Instant time) {
        if (window != null && !window.coversTime(time)) {
            closing.remove(window);
            close(window, time);
            return null;
        }
        return window;
    }

    private AccessWindow openWindow(Object key, MailboxAccess first) {
        AccessWindow window = new AccessWindow(key, first, first.time().plus(WINDOW));
        closing.add(window);
        return window;
    }

    /** Closes every window whose two minutes have passed at {@code now}; forgets expired de-duplication keys. */
    void closeExpired(Instant now) {
        for (AccessWindow window; (window = closing.takeClosedAt(now)) != null; ) {
            close(window, now);
        }
        recentSyncs.expire(now);
        forgetContextsWithNothingRecent(now.toEpochMilli());
    }

    /** Closes every open window, as at shutdown or the end of a replay. */
    void flush(Instant now) {
        for (AccessWindow window; (window = closing.takeFirst()) != null; ) {
            close(window, now);
        }
    }

    private void forgetContextsWithNothingRecent(long nowMillis) {
        if (nowMillis < nextSweepMillis) {
            return;
        }
        bindContexts.removeIf(context -> context.window == null && context.expiredAt(nowMillis));
        nextSweepMillis = nowMillis + SWEEP_MILLIS;
    }

    /** This part of the core's state, for a snapshot (see {@link GeneratorState}). */
    GeneratorState export(GeneratorState.Remembered recentFolderBinds, AuditStatistics counts) {
        List<GeneratorState.ContextReads> reads = new java.util.ArrayList<>(bindContexts.size());
        bindContexts.forEach(context -> reads.add(context.exportReads(context.key())));
        return new GeneratorState(
                closing.queued().stream().map(AccessWindow::export).toList(),
                closing.late().stream().map(AccessWindow::export).toList(),
                reads,
                recentSyncs.export(key -> key.context().key(), SyncKey::folderPath),
                recentFolderBinds,
                throttle.export(),
                counts,
                nextSweepMillis);
    }

    /** Takes up a snapshot's state; this aggregator must be new. */
    void restore(GeneratorState state) {
        for (GeneratorState.ContextReads saved : state.bindReads()) {
            bindContexts.of(BindContext.accessIn(saved.context())).restoreReads(saved);
        }
        recentSyncs.restore(state.recentSyncs(), (context, folder) -> new SyncKey(AccessContext.of(context), folder));
        throttle.restore(state.throttle());
        closing.restore(restoreWindows(state.queuedWindows()), restoreWindows(state.lateWindows()));
        nextSweepMillis = state.nextSweepMillis();
    }

    private List<AccessWindow> restoreWindows(List<GeneratorState.Window> saved) {
        List<AccessWindow> windows = new java.util.ArrayList<>(saved.size());
        for (GeneratorState.Window window : saved) {
            windows.add(window.closed() ? AccessWindow.placeholder(window.start(), window.closesAt()) : reopen(window));
        }
        return windows;
    }

    private AccessWindow reopen(GeneratorState.Window saved) {
        MailboxAccess first = saved.first();
        boolean bind = first.accessType() == MailAccessType.BIND;
        AccessWindow window;
        if (bind) {
            BindContext context = bindContexts.of(first);
            window = new AccessWindow(context, first, saved.closesAt());
            context.window = window;
        } else {
            FolderRef folder = first.folder() == null ? NO_FOLDER : first.folder();
            SyncKey key = new SyncKey(AccessContext.of(first), folder.path());
            window = new AccessWindow(key, first, saved.closesAt());
            openSyncs.put(key, window);
        }
        window.restore(saved, !bind);
        return window;
    }

    int openWindows() {
        return closing.size();
    }

    /** The windows still open, in the order they close. */
    List<OpenAggregation> openAggregations() {
        List<AccessWindow> open = new java.util.ArrayList<>();
        closing.forEachOpen(open::add);
        open.sort(AccessWindow::byClosingTime);
        return open.stream()
                .map(w -> new OpenAggregation(
                        w.first.mailbox(),
                        w.first.actor(),
                        w.first.accessType(),
                        w.operationCount,
                        w.start,
                        w.closesAt))
                .toList();
    }

    /** Start of the oldest open window, or null: no record can be made with an earlier CreationTime. */
    Instant oldestOpenWindowStart() {
        return closing.oldestStart();
    }

    private void close(AccessWindow window, Instant now) {
        if (window.key instanceof BindContext context) {
            context.window = null;
        } else {
            openSyncs.remove(window.key);
        }
        OrganizationConfig organization = configuration.organization();
        boolean bind = window.first.accessType() == MailAccessType.BIND;
        String mailbox = window.first.mailbox();
        boolean exchangeThrottling = organization.throttling() == ThrottlingMode.EXCHANGE;
        // The record is made when its window ends, not when the clock next moves: a quiet spell before the
        // next event must not change which record crosses the line or what the throttle suppresses.
        Instant madeAt = window.closesAt.isBefore(now) ? window.closesAt : now;
        if (bind && exchangeThrottling && throttle.suppressesBinds(mailbox, madeAt)) {
            statistics.bindsThrottled += window.operationCount;
            return;
        }
        boolean crosses = exchangeThrottling && throttle.countRecord(mailbox, madeAt);
        AuditRecord record = factory.aggregated(organization, window, crosses);
        if (bind) {
            statistics.bindsRecorded += window.operationCount;
        } else {
            statistics.syncsRecorded += window.operationCount;
        }
        if (crosses) {
            statistics.throttledRecords++;
        }
        emit.accept(record);
    }

    private boolean throttlingOn() {
        return configuration.organization().throttling() == ThrottlingMode.EXCHANGE;
    }
}
