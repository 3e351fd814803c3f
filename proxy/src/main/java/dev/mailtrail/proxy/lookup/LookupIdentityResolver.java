package dev.mailtrail.proxy.lookup;

import dev.mailtrail.proxy.config.LookupAccount;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.session.FolderAccess;
import dev.mailtrail.proxy.session.LookupResult;
import dev.mailtrail.proxy.session.MessageIdentity;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.MessageSelection;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;

/**
 * Names messages from the mail server itself: what responses showed is remembered (a bounded LRU cache), and what
 * they did not is asked for on the proxy's own connection ({@link ImapLookupConnection}), one lookup at a time on a
 * thread of its own, never on the network threads. A lookup that takes longer than the account's timeout is given
 * up (its connection closed, so a stuck server cannot hold the next one) and the next lookup connects again.
 */
public final class LookupIdentityResolver implements MessageIdentityResolver, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LookupIdentityResolver.class.getName());

    /** The most messages one command may have named before its release: a larger set is named by UID only. */
    static final int MAX_NAMED = 1000;

    private final RememberingIdentityResolver cache;
    private final ImapLookupConnection connection;
    private final ExecutorService executor;
    private final LookupAccount account;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong running = new AtomicLong(-1);
    private final AtomicLong lookups = new AtomicLong();

    public LookupIdentityResolver(UpstreamConfig imap, SSLSocketFactory tls, int capacity) {
        this.account = imap.lookup();
        this.cache = new RememberingIdentityResolver(capacity);
        this.connection = new ImapLookupConnection(imap, account, tls);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mailtrail-lookup");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean looksUp() {
        return true;
    }

    /** Lookups that went to the server so far. */
    public long lookups() {
        return lookups.get();
    }

    @Override
    public Optional<MessageIdentity> find(String folderId, long uidValidity, long uid) {
        return cache.find(folderId, uidValidity, uid);
    }

    @Override
    public long cacheHits() {
        return cache.cacheHits();
    }

    @Override
    public long cacheMisses() {
        return cache.cacheMisses();
    }

    @Override
    public void seen(String folderId, long uidValidity, long uid, MessageIdentity identity) {
        cache.seen(folderId, uidValidity, uid, identity);
    }

    @Override
    public CompletionStage<LookupResult> prefetch(FolderAccess folder, MessageSelection selection) {
        String owner = folder.mailbox();
        String key = folder.folderKey();
        if (!key.startsWith(owner + "/") || key.indexOf('\r') >= 0 || key.indexOf('\n') >= 0) {
            return CompletableFuture.completedFuture(LookupResult.NOTHING);
        }
        String name = key.substring(owner.length() + 1);
        MessageSelection wanted = selection;
        if (selection instanceof MessageSelection.Uids u) {
            List<Long> unknown = new ArrayList<>();
            for (long uid : u.uids()) {
                if (cache.find(key, folder.uidValidity(), uid).isEmpty()) {
                    unknown.add(uid);
                }
            }
            if (unknown.isEmpty() || unknown.size() > MAX_NAMED) {
                return CompletableFuture.completedFuture(LookupResult.NOTHING);
            }
            wanted = new MessageSelection.Uids(unknown);
        }
        MessageSelection asked = wanted;
        long run = generation.incrementAndGet();
        CompletableFuture<LookupResult> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (!result.isDone()) { // one given up while it waited is not asked any more
                result.complete(lookUp(run, owner, name, key, folder.uidValidity(), asked));
            }
        });
        result.completeOnTimeout(null, account.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return result.thenApply(r -> {
            if (r != null) {
                return r;
            }
            if (running.get() == run) {
                connection.abort(); // a stuck read ends now; the next lookup connects again
            }
            String why = "the lookup did not answer within " + account.timeout().toMillis() + " ms";
            LOG.log(System.Logger.Level.WARNING, "messages in " + key + " not named: " + why);
            return LookupResult.failed(why);
        });
    }

    private LookupResult lookUp(long run, String owner, String name, String key, long uidValidity, MessageSelection s) {
        lookups.incrementAndGet();
        running.set(run);
        try {
            Map<Long, Long> uids = new LinkedHashMap<>();
            for (ImapLookupConnection.Found f : connection.find(owner, name, uidValidity, s)) {
                cache.seen(key, uidValidity, f.uid(), f.identity());
                uids.put(f.sequence(), f.uid());
            }
            return new LookupResult(uids, null);
        } catch (IOException | RuntimeException e) {
            connection.close();
            String why = "the lookup failed: " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "messages in " + key + " not named: " + why);
            return LookupResult.failed(why);
        } finally {
            running.set(-1);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        connection.abort();
    }
}
