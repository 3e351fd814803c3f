package dev.mailtrail.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Core states against a real node: each writer's offset, records and snapshot, chunked, replaced whole. */
class CoreStatesTest {

    @Test
    void aCoreStateIsLoadedAsItWasLastSaved() throws Exception {
        CoreStates states = CoreStates.open(TestNode.url(), "core-states");
        byte[] large = new byte[CoreStates.CHUNK * 2 + 12_345];
        new Random(7).nextBytes(large);
        byte[] small = "snapshot of p1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        states.save("p0", 100, 40, large);
        states.save("p1", 7, 3, new byte[0]);
        states.save("p1", 9, 4, small);

        CoreStates.CoreState p0 = states.load("p0").orElseThrow();
        CoreStates.CoreState p1 = states.load("p1").orElseThrow();
        assertThat(p0.offset()).isEqualTo(100);
        assertThat(p0.records()).isEqualTo(40);
        assertThat(p0.snapshot()).isEqualTo(large);
        assertThat(p1.offset()).isEqualTo(9);
        assertThat(p1.records()).isEqualTo(4);
        assertThat(p1.snapshot()).isEqualTo(small);
        assertThat(states.load("p2")).isEmpty();
    }

    @Test
    void aSmallerSnapshotReplacesALargerOneAndItsOldChunksGo() throws Exception {
        CoreStates states = CoreStates.open(TestNode.url(), "core-states-replaced");
        byte[] large = new byte[CoreStates.CHUNK + 1];
        new Random(8).nextBytes(large);
        states.save("p4", 1, 1, large);
        states.save("p4", 2, 2, new byte[] {1, 2, 3});

        assertThat(states.load("p4").orElseThrow().snapshot()).containsExactly(1, 2, 3);
        OpenSearchHttp http = new OpenSearchHttp(TestNode.url());
        var chunks = OpenSearchHttp.JSON.createObjectNode();
        chunks.putObject("query").putObject("term").put("kind", "chunk");
        assertThat(http.post("core-states-replaced/_count", chunks)
                        .path("count")
                        .asLong())
                .isEqualTo(1);
    }
}
