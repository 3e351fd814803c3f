package dev.mailtrail.core.generate;

import dev.mailtrail.core.event.MailboxAccess;
import java.util.function.Predicate;

/**
 * The Bind contexts seen within the last hour, found straight from an access's fields: an open-addressing table
 * whose hashes sit in their own small array, so that a lookup touches only the context it finds. Every read
 * looks its context up; a general map would also build a key and follow a node to it.
 */
final class BindContexts {
    private static final int INITIAL_CAPACITY = 64;

    private final long deduplicationMillis;
    private int[] hashes = new int[INITIAL_CAPACITY];
    private BindContext[] contexts = new BindContext[INITIAL_CAPACITY];
    private int size;

    BindContexts(long deduplicationMillis) {
        this.deduplicationMillis = deduplicationMillis;
    }

    /** The access's context, brought into being if it is new. */
    BindContext of(MailboxAccess access) {
        int hash = BindContext.hashOf(access);
        int mask = contexts.length - 1;
        int slot = spread(hash) & mask;
        for (BindContext context; (context = contexts[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && context.matches(access)) {
                return context;
            }
        }
        BindContext context = new BindContext(access, hash, deduplicationMillis);
        hashes[slot] = hash;
        contexts[slot] = context;
        if (++size * 2 > contexts.length) {
            rebuild(contexts.length * 2, c -> true);
        }
        return context;
    }

    /** Forgets the contexts the predicate picks. */
    void removeIf(Predicate<BindContext> forget) {
        int capacity = INITIAL_CAPACITY;
        while (capacity < size * 4) {
            capacity *= 2;
        }
        rebuild(capacity, forget.negate());
    }

    void forEach(java.util.function.Consumer<BindContext> action) {
        for (BindContext context : contexts) {
            if (context != null) {
                action.accept(context);
            }
        }
    }

    int size() {
        return size;
    }

    private void rebuild(int capacity, Predicate<BindContext> keep) {
        BindContext[] old = contexts;
        hashes = new int[capacity];
        contexts = new BindContext[capacity];
        size = 0;
        int mask = capacity - 1;
        for (BindContext context : old) {
            if (context != null && keep.test(context)) {
                int slot = spread(context.hash) & mask;
                while (contexts[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = context.hash;
                contexts[slot] = context;
                size++;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
