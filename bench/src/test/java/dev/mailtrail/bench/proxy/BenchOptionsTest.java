package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void bothSizesAndAFewSecondsOfCompilingByDefault() {
        BenchOptions options = BenchOptions.parse(new String[0]);

        assertThat(options.sizes()).containsExactly(BenchOptions.SMALL_BYTES, BenchOptions.LARGE_BYTES);
        assertThat(options.jitWarmUp()).isEqualTo(5);
    }

    @Test
    void oneCellAloneIsOneSizeAndOneSessionCount() {
        BenchOptions options =
                BenchOptions.parse(new String[] {"--sizes", "4096", "--sessions", "1", "--jit-warmup", "0"});

        assertThat(options.sizes()).containsExactly(4096);
        assertThat(options.sessions()).containsExactly(1);
        assertThat(options.jitWarmUp()).isZero();
    }

    @Test
    void aSizeTheCorpusDoesNotHoldIsRefusedNamingTheSizesItHolds() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sizes", "4096,65536"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--sizes: the corpus has messages of 4096 and 1048576 bytes, not 65536");
    }
}
