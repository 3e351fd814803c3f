package dev.mailtrail.proxy.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers the identities seen so far, at most {@code capacity}, forgetting the least recently used first. */
/* Synchronised: one resolver serves every connection of the proxy. */
public final class RememberingIdentityResolver implements MessageIdentityResolver {

    private record Key(String folderId, long uidValidity, long uid) {}

    private final Map<Key, MessageIdentity> seen;
    private long hits;
    private long misses;

    public RememberingIdentityResolver(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, MessageIdentity> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<MessageIdentity> find(String folderId, long uidValidity, long uid) {
        MessageIdentity found = seen.get(new Key(folderId, uidValidity, uid));
        if (found == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized long cacheHits() {
        return hits;
    }

    @Override
    public synchronized long cacheMisses() {
        return misses;
    }

    @Override
    public synchronized void seen(String folderId, long uidValidity, long uid, MessageIdentity identity) {
        if (identity.internetMessageId() != null || identity.subject() != null) {
            seen.put(new Key(folderId, uidValidity, uid), identity);
        }
    }
}
