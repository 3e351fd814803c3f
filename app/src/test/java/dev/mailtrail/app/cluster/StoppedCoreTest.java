package dev.mailtrail.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailtrail.core.generate.AuditStatistics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A question to an audit core that has stopped is answered, never waited on for ever. */
class StoppedCoreTest {

    @TempDir
    Path dir;

    @Test
    void countsAndQuestionsOfAStoppedCoreAreAnswered() throws Exception {
        ClusterSettings settings = ClusterFixture.settings("stopped", 1, 1);
        try (ClusterPipeline cluster = ClusterPipeline.start(settings, dir, Clock.systemUTC())) {
            CoreConsumer core = cluster.consumers().getFirst();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (core.owned().isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the core took up its partition");
                Thread.sleep(100);
            }
            core.crash();

            AuditStatistics counts = CompletableFuture.supplyAsync(() -> {
                        try {
                            return cluster.statistics();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertEquals(0, counts.events(), "no partition owned: nothing counted");
            ExecutionException none = assertThrows(ExecutionException.class, () -> cluster.inspect(generator -> true)
                    .get(30, TimeUnit.SECONDS));
            assertTrue(
                    none.getCause().getMessage().contains("own no partition"),
                    none.getCause().getMessage());
        }
    }
}
