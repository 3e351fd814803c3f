package dev.mailtrail.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core thread is woken when the entries it is given are durable, not when they are submitted: a core waiting in
 * {@link PipelineQueue#poll} must still get them, whether the journal completes them before, after or with a failure.
 * The core's poll here waits far longer than any test may take, so a lost wake-up shows as a test that hangs.
 */
class PipelineQueueTest {
    private static final long CORE_WAIT_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final ExecutorService core = Executors.newSingleThreadExecutor();
    private final PipelineQueue queue = new PipelineQueue(100);

    @AfterEach
    void stop() {
        core.shutdownNow();
    }

    @Test
    void aWaitingCoreGetsEntriesOnceTheJournalHasMadeThemDurable() throws Exception {
        Future<PipelineQueue.Work> polled = core.submit(() -> queue.poll(CORE_WAIT_MILLIS));
        CompletableFuture<Long> durable = new CompletableFuture<>();
        queue.addEntries(List.of(flush(), flush()), 7, durable, null);
        durable.complete(8L);

        PipelineQueue.Work work = polled.get(60, TimeUnit.SECONDS);
        assertThat(work).isInstanceOfSatisfying(PipelineQueue.Apply.class, apply -> {
            assertThat(apply.sequence()).isEqualTo(7);
            assertThat(apply.durable()).isDone();
        });
        assertThat(queue.poll(0))
                .isInstanceOfSatisfying(PipelineQueue.Apply.class, apply -> assertThat(apply.sequence())
                        .isEqualTo(8));
    }

    @Test
    void entriesAlreadyDurableWakeTheCoreAtOnce() throws Exception {
        Future<PipelineQueue.Work> polled = core.submit(() -> queue.poll(CORE_WAIT_MILLIS));
        queue.addEntries(List.of(flush()), 1, CompletableFuture.completedFuture(1L), null);

        assertThat(polled.get(60, TimeUnit.SECONDS)).isInstanceOf(PipelineQueue.Apply.class);
    }

    @Test
    void aFailedAppendWakesTheCoreToo() throws Exception {
        Future<PipelineQueue.Work> polled = core.submit(() -> queue.poll(CORE_WAIT_MILLIS));
        CompletableFuture<Long> durable = new CompletableFuture<>();
        queue.addEntries(List.of(flush()), 1, durable, null);
        durable.completeExceptionally(new java.io.IOException("disk full"));

        assertThat(polled.get(60, TimeUnit.SECONDS))
                .as("the core takes the entry and learns of the failure from it")
                .isInstanceOfSatisfying(PipelineQueue.Apply.class, apply -> assertThat(apply.durable())
                        .isCompletedExceptionally());
    }

    @Test
    void entriesPastTheBoundAreJournaledOnlyAndStillWakeTheCore() throws Exception {
        PipelineQueue small = new PipelineQueue(1);
        small.addEntries(List.of(flush()), 1, CompletableFuture.completedFuture(1L), null);
        assertThat(small.poll(0)).isInstanceOf(PipelineQueue.Apply.class);
        small.addEntries(List.of(flush()), 2, CompletableFuture.completedFuture(2L), null);
        Future<PipelineQueue.Work> polled = core.submit(() -> {
            small.poll(0); // the held one
            return small.poll(CORE_WAIT_MILLIS);
        });
        CompletableFuture<Long> durable = new CompletableFuture<>();
        small.addEntries(List.of(flush(), flush()), 3, durable, null);
        durable.complete(4L);

        assertThat(polled.get(60, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(PipelineQueue.Journaled.class, journaled -> assertThat(journaled.first)
                        .isEqualTo(3));
    }

    private static PipelineEntry flush() {
        return new PipelineEntry.Flush(Instant.parse("2026-12-06T12:00:00Z"));
    }
}
