package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 3000 fetches in 3 s, 3100 answered in the window, 0.62 s of relay CPU: 2 s per 10,000. */
    private static final FetchResult STRICT = new FetchResult(
            3000, 3000 * 4096L, 3.0, 650_000, 4_120_000, 3100, 620_000_000, 310_000_000, java.util.Map.of());

    @Test
    void aCellIsOneLineWithTheIssuesFieldNames() throws Exception {
        String line = CellJson.line(4096, 10, 16, STRICT, STRICT, STRICT, STRICT);

        assertThat(line).doesNotContain("\n");
        JsonNode cell = JSON.readTree(line);
        assertThat(names(cell))
                .containsExactly(
                        "size", "sessions", "depth", "serverCpuSecondsPer10k", "direct", "strict", "async", "haproxy");
        assertThat(cell.get("size").asInt()).isEqualTo(4096);
        assertThat(cell.get("sessions").asInt()).isEqualTo(10);
        assertThat(cell.get("depth").asInt()).isEqualTo(16);
        assertThat(cell.get("serverCpuSecondsPer10k").asDouble()).isEqualTo(1.0, within());
        for (String side : List.of("direct", "strict", "async", "haproxy")) {
            JsonNode figures = cell.get(side);
            assertThat(names(figures)).containsExactly("msgPerSecond", "p50Ms", "p99Ms", "cpuSecondsPer10k");
            assertThat(figures.get("msgPerSecond").asDouble()).isEqualTo(1000.0, within());
            assertThat(figures.get("p50Ms").asDouble()).isEqualTo(0.65, within());
            assertThat(figures.get("p99Ms").asDouble()).isEqualTo(4.12, within());
            assertThat(figures.get("cpuSecondsPer10k").asDouble()).isEqualTo(2.0, within());
        }
    }

    @Test
    void withoutHaproxyItsSideIsNullAndAnUnmeasuredFigureToo() throws Exception {
        FetchResult none = new FetchResult(0, 0, 3.0, 0, 0, 0, 5_000_000, 0, java.util.Map.of());

        JsonNode cell = JSON.readTree(CellJson.line(1048576, 1, 1, none, STRICT, STRICT, null));

        assertThat(cell.get("haproxy").isNull()).isTrue();
        assertThat(cell.get("direct").get("cpuSecondsPer10k").isNull()).isTrue();
        assertThat(cell.get("serverCpuSecondsPer10k").isNull()).isTrue();
        assertThat(cell.get("strict").get("cpuSecondsPer10k").isNumber()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        return iterable(node.fieldNames());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
