package dev.mailtrail.proxy.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The Bind/Sync rule's memory of each folder, shared by all connections of the proxy because clients such as
 * offlineimap spread one folder over several connections (§4: aggregate per actor and folder). Its methods are
 * synchronised since connections may be driven from different event loops; it holds no threads itself. Folders
 * quiet for longer than every window are forgotten once the table grows past {@code capacity}.
 */
public final class DownloadActivity {

    /** One folder ({@code owner/folder}, UIDVALIDITY) as seen by one actor from one client address. */
    public record Key(String actor, String clientIp, String folder, long uidValidity) {}

    /** What the rule knew when a body-read command arrived. */
    public record Arrival(boolean afterMetadata, boolean chained, boolean inEpisode) {}

    private static final class Folder {
        Instant metadataDone;
        Instant bodyDone;
        Instant lastActivity;
        int chain;
        boolean syncing;
    }

    private final DownloadRuleConfig config;
    private final int capacity;
    private final Map<Key, Folder> folders = new HashMap<>();

    public DownloadActivity(DownloadRuleConfig config, int capacity) {
        this.config = config;
        this.capacity = capacity;
    }

    public DownloadRuleConfig config() {
        return config;
    }

    public synchronized void metadataFetched(Key key, Instant now) {
        Folder f = folder(key, now);
        f.metadataDone = now;
    }

    /** S3 and S4 as of a body-read command's arrival; S4's chain counts this read. */
    public synchronized Arrival bodyReadArrived(Key key, Instant now) {
        Folder f = folder(key, now);
        boolean afterMetadata = f.metadataDone != null && within(f.metadataDone, now, config.think());
        f.chain = f.bodyDone != null && within(f.bodyDone, now, config.gap()) ? f.chain + 1 : 1;
        return new Arrival(afterMetadata, f.chain >= config.chainLength(), syncing(f, now));
    }

    public synchronized void bodyReadCompleted(Key key, Instant now, boolean sync) {
        Folder f = folder(key, now);
        f.syncing = syncing(f, now) || sync;
        f.bodyDone = now;
    }

    /** True while the folder is in a Sync episode: it triggered and has not been quiet for the episode window. */
    public synchronized boolean syncing(Key key, Instant now) {
        Folder f = folders.get(key);
        return f != null && syncing(f, now);
    }

    private boolean syncing(Folder f, Instant now) {
        return f.syncing && f.bodyDone != null && within(f.bodyDone, now, config.episodeQuiet());
    }

    private Folder folder(Key key, Instant now) {
        if (folders.size() >= capacity && !folders.containsKey(key)) {
            forgetQuiet(now);
        }
        Folder f = folders.computeIfAbsent(key, k -> new Folder());
        f.lastActivity = now;
        return f;
    }

    private void forgetQuiet(Instant now) {
        Duration longest =
                config.episodeQuiet().plus(config.think()).plus(config.gap()).plus(config.bindHold());
        folders.values().removeIf(f -> !within(f.lastActivity, now, longest));
    }

    private static boolean within(Instant earlier, Instant now, Duration window) {
        return Duration.between(earlier, now).compareTo(window) <= 0;
    }
}
