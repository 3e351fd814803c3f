package dev.mailtrail.bench.proxy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * ProxyBench's options.
 *
 * @param seconds measured time per cell
 * @param warmUp unmeasured time before it
 * @param sessions the concurrent session counts
 * @param idle how many idle IDLE sessions to open for the memory figure (0: none)
 * @param smallCount how many 4 KB messages the Small folder holds
 * @param largeCount how many 1 MB messages the Large folder holds
 * @param depth FETCH commands in flight per session: 1, one at a time as a person's client reads; more, pipelined
 *     as mbsync downloads
 * @param lookups how many reads the lookup measurement makes per side (0: none)
 * @param json a file to write one JSON line per FETCH cell to ({@link CellJson}), if asked
 * @param jitWarmUp unmeasured seconds each proxy is driven at each size before the first cell, so that compiling its
 *     code is not counted in the first cell measured (0: none)
 * @param sizes the message sizes measured, in bytes: {@link #SMALL_BYTES}, {@link #LARGE_BYTES} or both (to run one
 *     cell alone, e.g. {@code --sizes 4096 --sessions 1})
 */
public record BenchOptions(
        int seconds,
        int warmUp,
        int[] sessions,
        int idle,
        int smallCount,
        int largeCount,
        int depth,
        int lookups,
        Optional<Path> json,
        int jitWarmUp,
        int[] sizes) {
    public static final int SMALL_BYTES = 4 * 1024;
    public static final int LARGE_BYTES = 1024 * 1024;
    public static final String USAGE = "usage: ./mt bench ProxyBench [--seconds 3] [--warmup 1] [--jit-warmup 5]"
            + " [--sessions 1,10,100] [--sizes 4096,1048576] [--idle 500] [--small 2000] [--large 40] [--depth 1] [--lookups 500]"
            + " [--json FILE] (docs/proxy-bench.md)";

    public static BenchOptions parse(String[] args) {
        int seconds = 3;
        int warmUp = 1;
        int[] sessions = {1, 10, 100};
        int idle = 500;
        int small = 2000;
        int large = 40;
        int depth = 1;
        int lookups = 500;
        Optional<Path> json = Optional.empty();
        int[] sizes = {SMALL_BYTES, LARGE_BYTES};
        int jitWarmUp = 5;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--seconds" -> seconds = positive(name, value);
                case "--warmup" -> warmUp = Integer.parseInt(value);
                case "--jit-warmup" -> jitWarmUp = Integer.parseInt(value);
                case "--sessions" ->
                    sessions = Arrays.stream(value.split(","))
                            .mapToInt(v -> positive(name, v))
                            .toArray();
                case "--sizes" ->
                    sizes = Arrays.stream(value.split(","))
                            .mapToInt(v -> size(name, v))
                            .toArray();
                case "--idle" -> idle = Integer.parseInt(value);
                case "--small" -> small = positive(name, value);
                case "--large" -> large = positive(name, value);
                case "--depth" -> depth = positive(name, value);
                case "--lookups" -> lookups = Integer.parseInt(value);
                case "--json" -> json = Optional.of(Path.of(value));
                default ->
                    throw new IllegalArgumentException("unknown option " + name
                            + " (known: --seconds, --warmup, --jit-warmup, --sessions, --sizes, --idle, --small, --large,"
                            + " --depth, --lookups, --json)");
            }
        }
        return new BenchOptions(seconds, warmUp, sessions, idle, small, large, depth, lookups, json, jitWarmUp, sizes);
    }

    private static int size(String name, String value) {
        int bytes = positive(name, value);
        if (bytes != SMALL_BYTES && bytes != LARGE_BYTES) {
            throw new IllegalArgumentException(name + ": the corpus has messages of " + SMALL_BYTES + " and "
                    + LARGE_BYTES + " bytes, not " + bytes);
        }
        return bytes;
    }

    private static int positive(String name, String value) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + value, e);
        }
        if (number <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + number);
        }
        return number;
    }
}
