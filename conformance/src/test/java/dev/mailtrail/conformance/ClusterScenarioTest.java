package dev.mailtrail.conformance;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite through the clustered pipeline: every scenario, unchanged, journaled to Kafka, applied by a
 * group of audit cores and stored in OpenSearch, gives the records {@code expected.jsonl} lists — the same ones
 * {@code mt replay} gives. {@code -Dscenario=15} runs only the scenarios whose name contains {@code 15}.
 */
class ClusterScenarioTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioThroughTheCluster() throws IOException {
        return ScenarioTest.everyScenario(new ScenarioTest.Runner(ClusteredReplay.RUNNER, ClusteredReplay::run));
    }
}
