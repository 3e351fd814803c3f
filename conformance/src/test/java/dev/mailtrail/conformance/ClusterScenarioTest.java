package dev.mailtrail.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite through the clustered pipeline: every scenario, unchanged, journaled to Kafka, applied by a
 * group of audit cores and stored in OpenSearch, gives the records {@code expected.jsonl} lists — the same ones
 * {@code mt replay} gives. {@code -Dscenario=15} runs only the scenarios whose name contains {@code 15}.
 *
 * <p>Each scenario has a topic, a group and indexes of its own, so they run {@value #AT_ONCE} at a time: most of a
 * scenario's time is spent waiting for Kafka's group and OpenSearch's refreshes, not working.
 */
class ClusterScenarioTest {
    private static final int AT_ONCE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyScenarioThroughTheCluster() throws IOException {
        Map<String, CompletableFuture<Replayed>> running = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        for (Path directory : ScenarioTest.scenarioDirectories()) {
            Scenario scenario = Scenario.read(directory, JSON);
            running.put(
                    scenario.name(), CompletableFuture.supplyAsync(() -> ClusteredReplay.run(scenario, JSON), pool));
        }
        pool.shutdown(); // the runs go on; no more are taken
        return ScenarioTest.everyScenario(
                new ScenarioTest.Runner(ClusteredReplay.RUNNER, (scenario, json) -> running.get(scenario.name())
                        .join()));
    }
}
