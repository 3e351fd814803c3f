package dev.mailtrail.app.pipeline;

import dev.mailtrail.core.generate.Acceptance;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the core thread has to do, in journal order. Entries are held in memory up to a bound; past it, submitting
 * never waits for the core: the entries are only journaled, and a marker in the queue tells the core to read them
 * back from the journal when it gets there. So acknowledgement runs at the journal's pace and memory stays bounded
 * however far indexing lags. Entries someone waits on ({@link Apply#done}) are always held.
 */
final class PipelineQueue {
    sealed interface Work {}

    /** One journal entry, held. */
    record Apply(
            PipelineEntry entry, long sequence, CompletableFuture<Long> durable, CompletableFuture<Acceptance> done)
            implements Work {}

    /** Entries {@code first} to {@code last} are in the journal only; {@code durable} completes when all are. */
    static final class Journaled implements Work {
        final long first;
        long last;
        CompletableFuture<Long> durable;

        Journaled(long first, long last, CompletableFuture<Long> durable) {
            this.first = first;
            this.last = last;
            this.durable = durable;
        }
    }

    record Task(Runnable run) implements Work {}

    record Stop() implements Work {}

    private final Deque<Work> work = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final int capacity;
    private int held;

    PipelineQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds entries journaled with sequences from {@code first}, held if there is room or someone waits on them. The
     * core thread is woken when they are durable, not before: woken at once, it would only park again in {@link
     * Apply#durable}'s wait and be woken a second time by the journal's thread — two context switches a group where
     * one does (the strict proxy submits a group a read).
     */
    void addEntries(
            List<PipelineEntry> entries,
            long first,
            CompletableFuture<Long> durable,
            CompletableFuture<Acceptance> done) {
        addEntriesQuietly(entries, first, durable, done);
        if (durable.isDone()) {
            wake();
        } else {
            durable.whenComplete((sequence, error) -> wake());
        }
    }

    private void wake() {
        lock.lock();
        try {
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    private void addEntriesQuietly(
            List<PipelineEntry> entries,
            long first,
            CompletableFuture<Long> durable,
            CompletableFuture<Acceptance> done) {
        lock.lock();
        try {
            long last = first + entries.size() - 1;
            if (done == null && held + entries.size() > capacity) {
                if (work.peekLast() instanceof Journaled tail && tail.last + 1 == first) {
                    tail.last = last;
                    tail.durable = durable;
                } else {
                    work.addLast(new Journaled(first, last, durable));
                }
            } else {
                for (int i = 0; i < entries.size(); i++) {
                    work.addLast(new Apply(entries.get(i), first + i, durable, i == entries.size() - 1 ? done : null));
                }
                held += entries.size();
            }
        } finally {
            lock.unlock();
        }
    }

    void add(Work item) {
        lock.lock();
        try {
            work.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next work, or null after {@code millis} with nothing to do. */
    Work poll(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (work.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Work next = work.removeFirst();
            if (next instanceof Apply) {
                held--;
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** Removes everything left (after a failure), for its waiters to be told. */
    List<Work> drain() {
        lock.lock();
        try {
            List<Work> left = List.copyOf(work);
            work.clear();
            held = 0;
            return left;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return work.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
