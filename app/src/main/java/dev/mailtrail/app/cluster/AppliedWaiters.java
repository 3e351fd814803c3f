package dev.mailtrail.app.cluster;

import dev.mailtrail.core.generate.Acceptance;
import dev.mailtrail.journal.kafka.JournalPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * Those waiting for this process's audit cores to apply an entry they journaled ({@code apply}): each is completed
 * with what the core decided when a core here applies it. An entry may be applied before its appender learns where
 * Kafka put it (the acknowledgement and the cores' fetch race), so while anyone waits the decisions of the latest
 * entries are kept for a moment.
 *
 * <p>A cmdlet reaches every partition; its waiter is completed by the partition that {@code inspect} questions too —
 * the lowest this process owns — so that a {@code Get-} after a {@code Set-} sees the change.
 */
final class AppliedWaiters {
    private static final int RECENT = 4_096;

    private record Position(int partition, long offset) {}

    private record Waiter(CompletableFuture<Acceptance> done, boolean anyPartition) {}

    private final IntSupplier lowestOwned;
    private final Map<Position, Waiter> waiting = new HashMap<>();
    private final Map<Position, Acceptance> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Position, Acceptance> eldest) {
            return size() > RECENT;
        }
    };
    private int expecting;

    /** @param lowestOwned the lowest partition this process's cores own now; -1 if none */
    AppliedWaiters(IntSupplier lowestOwned) {
        this.lowestOwned = lowestOwned;
    }

    /** Someone is about to journal an entry to wait for: decisions are kept from now until {@link #expect}. */
    synchronized void announce() {
        expecting++;
    }

    /**
     * Waits for the entry at {@code positions} (one position, or a cmdlet's one per partition: {@code anyPartition})
     * to be applied here; {@code done} completes with the decision.
     */
    synchronized void expect(
            List<JournalPosition> positions, boolean anyPartition, CompletableFuture<Acceptance> done) {
        expecting--;
        Waiter waiter = new Waiter(done, anyPartition);
        for (JournalPosition at : positions) {
            Position position = new Position(at.partition(), at.offset());
            Acceptance already = recent.get(position);
            if (already != null && (!anyPartition || at.partition() == lowestOwned.getAsInt())) {
                done.complete(already);
                forget(positions);
                return;
            }
            waiting.put(position, waiter);
        }
    }

    /** Gives up waiting for an entry that could not be journaled. */
    synchronized void abandon() {
        expecting--;
    }

    /** A core here applied {@code offset} of {@code partition} and decided {@code acceptance}. */
    void applied(int partition, long offset, Acceptance acceptance) {
        if (acceptance == null) {
            return;
        }
        synchronized (this) {
            if (waiting.isEmpty() && expecting == 0) {
                return;
            }
            Position position = new Position(partition, offset);
            if (expecting > 0) {
                recent.put(position, acceptance);
            }
            Waiter waiter = waiting.get(position);
            if (waiter == null || waiter.anyPartition() && partition != lowestOwned.getAsInt()) {
                return;
            }
            waiting.values().removeIf(w -> w == waiter);
            waiter.done().complete(acceptance);
        }
    }

    /** Fails every waiter: the cores here stopped. */
    synchronized void failAll(Throwable why) {
        List<Waiter> all = new ArrayList<>(waiting.values());
        waiting.clear();
        all.forEach(w -> w.done().completeExceptionally(why));
    }

    private void forget(List<JournalPosition> positions) {
        positions.forEach(at -> waiting.remove(new Position(at.partition(), at.offset())));
    }
}
