package dev.mailtrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.bench.proxy.HaproxyRelay;
import dev.mailtrail.demo.dovecot.DovecotDemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ProxyBench's smallest run (one session, one second a cell, no idle or lookup part) against a real Dovecot, the
 * real proxy and, where installed, HAProxy: every FETCH cell is a JSON line with every side measured.
 */
class ProxyBenchJsonRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCellIsAJsonLineWithEverySideMeasured(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(DovecotDemoServer.DOVECOT), "Dovecot is not installed");
        Path file = dir.resolve("cells.jsonl");

        ProxyBench.main(new String[] {
            "--seconds",
            "1",
            "--warmup",
            "0",
            "--jit-warmup",
            "1",
            "--sessions",
            "1",
            "--idle",
            "0",
            "--lookups",
            "0",
            "--small",
            "50",
            "--large",
            "2",
            "--json",
            file.toString()
        });

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        boolean haproxy = HaproxyRelay.executable().isPresent();
        int[] sizes = {4096, 1048576};
        for (int i = 0; i < lines.size(); i++) {
            JsonNode cell = JSON.readTree(lines.get(i));
            assertThat(cell.get("size").asInt()).isEqualTo(sizes[i]);
            assertThat(cell.get("sessions").asInt()).isEqualTo(1);
            assertThat(cell.get("depth").asInt()).isEqualTo(1);
            assertThat(cell.get("serverCpuSecondsPer10k").asDouble()).isPositive();
            for (String side : List.of("direct", "strict", "async", "haproxy")) {
                JsonNode figures = cell.get(side);
                if (side.equals("haproxy") && !haproxy) {
                    assertThat(figures.isNull()).as("haproxy is not installed").isTrue();
                    continue;
                }
                assertThat(figures.get("msgPerSecond").asDouble()).as(side).isPositive();
                assertThat(figures.get("p50Ms").asDouble()).as(side).isPositive();
                assertThat(figures.get("p99Ms").asDouble())
                        .as(side)
                        .isGreaterThanOrEqualTo(figures.get("p50Ms").asDouble());
                assertThat(figures.get("cpuSecondsPer10k").isNumber()).as(side).isTrue();
                assertThat(figures.get("cpuSecondsPer10k").asDouble()).as(side).isNotNegative();
            }
            // relaying costs the proxies CPU time that the count must see
            assertThat(cell.get("strict").get("cpuSecondsPer10k").asDouble()).isPositive();
            assertThat(cell.get("async").get("cpuSecondsPer10k").asDouble()).isPositive();
        }
    }
}
