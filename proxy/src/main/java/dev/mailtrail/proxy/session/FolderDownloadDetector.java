package dev.mailtrail.proxy.session;

import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.event.ItemRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's side of the Bind/Sync rule (docs/imap-client-behaviour.md §4, S1–S4). A body read is Sync when
 * one command returned several messages (S1), was pipelined behind another body read (S2), came within T_think of
 * a metadata fetch of the folder (S3), is the n-th of a chain of reads with gaps ≤ G (S4), or falls in a Sync
 * episode of the folder; otherwise it is a Bind. A preview (a body section cut to 2 KB, which Thunderbird fetches
 * for every new message) is always a Sync, and it neither starts an episode nor joins a chain, so a person who
 * opens the message afterwards still makes a Bind. Bind decisions are held for {@code bindHold} so the first reads of
 * a paced chain fold into its Sync. A Sync is emitted once per folder episode, when the folder has been quiet for
 * the episode window or the connection ends, with every distinct item that went out.
 *
 * <p>Decided on delivery (the proxy's strict mode), nothing is held: each message is decided as its content goes
 * out, from what the rule knows at that moment, and emitted at once as a one-item Bind or Sync, so that its record
 * can be durable before the client has the bytes. The audit core folds the one-item Syncs of a folder into one
 * record. What is lost is hindsight only: the first read of a paced chain (S4) stays a Bind, because a durable
 * record is never taken back.
 */
public final class FolderDownloadDetector {

    /** A body read in flight, with what the rule knew when it arrived. */
    public record BodyRead(FolderAccess folder, boolean pipelined, boolean preview, DownloadActivity.Arrival arrival) {}

    private static final DownloadActivity.Arrival UNCOUNTED = new DownloadActivity.Arrival(false, false, false);

    private record HeldBind(FolderAccess folder, List<ItemRef> items, Instant completed) {}

    private static final class PendingSync {
        final FolderAccess folder;
        final Instant first;
        final Map<String, ItemRef> items = new LinkedHashMap<>();

        PendingSync(FolderAccess folder, Instant first) {
            this.folder = folder;
            this.first = first;
        }
    }

    private final DownloadActivity activity;
    private final DownloadRuleConfig config;
    private final AccessEventSink sink;
    private final List<HeldBind> held = new ArrayList<>();
    private final Map<DownloadActivity.Key, PendingSync> syncs = new LinkedHashMap<>();
    private final boolean decideOnDelivery;

    public FolderDownloadDetector(DownloadActivity activity, AccessEventSink sink) {
        this(activity, sink, false);
    }

    /** @param decideOnDelivery decide and emit each message as its content goes out, holding nothing back */
    public FolderDownloadDetector(DownloadActivity activity, AccessEventSink sink, boolean decideOnDelivery) {
        this.activity = activity;
        this.config = activity.config();
        this.sink = sink;
        this.decideOnDelivery = decideOnDelivery;
    }

    public boolean decidesOnDelivery() {
        return decideOnDelivery;
    }

    /**
     * Decided on delivery only: the content of {@code item}, the {@code delivered}-th distinct message of the read,
     * is about to go out. Emits its one-item Bind or Sync now.
     */
    public void bodyDelivered(BodyRead read, ItemRef item, int delivered, Instant now) {
        DownloadActivity.Key key = read.folder().downloadKey();
        if (read.preview()) {
            sink.accept(read.folder().read(now, MailAccessType.SYNC, List.of(item)));
            return;
        }
        boolean sync = delivered >= config.messagesPerCommand() || triggered(read, key, now);
        if (sync) {
            activity.bodyReadCompleted(key, now, true);
        }
        sink.accept(read.folder().read(now, sync ? MailAccessType.SYNC : MailAccessType.BIND, List.of(item)));
    }

    private boolean triggered(BodyRead read, DownloadActivity.Key key, Instant now) {
        DownloadActivity.Arrival a = read.arrival();
        return read.pipelined() || a.afterMetadata() || a.chained() || a.inEpisode() || activity.syncing(key, now);
    }

    public void metadataFetched(FolderAccess folder, Instant now) {
        activity.metadataFetched(folder.downloadKey(), now);
    }

    public BodyRead bodyReadArrived(FolderAccess folder, boolean pipelined, Instant now) {
        return bodyReadArrived(folder, pipelined, false, now);
    }

    /** @param preview the read opens content only as previews; it is not counted by the rule's memory */
    public BodyRead bodyReadArrived(FolderAccess folder, boolean pipelined, boolean preview, Instant now) {
        DownloadActivity.Arrival arrival = preview ? UNCOUNTED : activity.bodyReadArrived(folder.downloadKey(), now);
        return new BodyRead(folder, pipelined, preview, arrival);
    }

    /** The server completed the read OK; {@code items} are the distinct messages whose content went out. */
    public void bodyReadCompleted(BodyRead read, List<ItemRef> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        if (read.preview()) {
            if (!decideOnDelivery) {
                addToSync(read.folder(), items, now); // emitted at once unless the folder is in an episode
                tick(now);
            }
            return;
        }
        DownloadActivity.Key key = read.folder().downloadKey();
        boolean sync = items.size() >= config.messagesPerCommand() || triggered(read, key, now);
        activity.bodyReadCompleted(key, now, sync);
        if (decideOnDelivery) {
            return; // each item was emitted as it went out
        }
        if (sync) {
            foldHeld(key);
            addToSync(read.folder(), items, now);
        } else {
            held.add(new HeldBind(read.folder(), items, now));
        }
        tick(now);
    }

    /** Emits the Binds whose hold has passed and the Syncs whose episode has ended. */
    public void tick(Instant now) {
        Iterator<HeldBind> it = held.iterator();
        while (it.hasNext()) {
            HeldBind h = it.next();
            DownloadActivity.Key key = h.folder().downloadKey();
            if (activity.syncing(key, now) && syncStartedAfterOrAt(key, h, now)) {
                addToSync(h.folder(), h.items(), h.completed());
                it.remove();
            } else if (Duration.between(h.completed(), now).compareTo(config.bindHold()) >= 0) {
                sink.accept(h.folder().read(h.completed(), MailAccessType.BIND, h.items()));
                it.remove();
            }
        }
        syncs.entrySet().removeIf(e -> {
            if (activity.syncing(e.getKey(), now)) {
                return false;
            }
            emit(e.getValue());
            return true;
        });
    }

    /** The connection ended: nothing is held back any more. */
    public void close() {
        for (HeldBind h : held) {
            sink.accept(h.folder().read(h.completed(), MailAccessType.BIND, h.items()));
        }
        held.clear();
        syncs.values().forEach(this::emit);
        syncs.clear();
    }

    private boolean syncStartedAfterOrAt(DownloadActivity.Key key, HeldBind h, Instant now) {
        // A held Bind joins an episode only while its hold lasts: a read long before the chain stays a Bind.
        return Duration.between(h.completed(), now).compareTo(config.bindHold().plus(config.gap())) <= 0
                || syncs.containsKey(key);
    }

    private void foldHeld(DownloadActivity.Key key) {
        Iterator<HeldBind> it = held.iterator();
        while (it.hasNext()) {
            HeldBind h = it.next();
            if (h.folder().downloadKey().equals(key)) {
                addToSync(h.folder(), h.items(), h.completed());
                it.remove();
            }
        }
    }

    private void addToSync(FolderAccess folder, List<ItemRef> items, Instant when) {
        PendingSync s = syncs.computeIfAbsent(folder.downloadKey(), k -> new PendingSync(folder, when));
        for (ItemRef item : items) {
            s.items.putIfAbsent(item.id() != null ? item.id() : item.identity(), item);
        }
    }

    private void emit(PendingSync s) {
        sink.accept(s.folder.read(s.first, MailAccessType.SYNC, List.copyOf(s.items.values())));
    }
}
