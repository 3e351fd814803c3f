package dev.mailtrail.storebench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one search over its inputs, and a checksum of the answers so the engines can be seen to agree.
 *
 * @param count searches measured (fewer than the inputs when the time budget ran out)
 * @param p50Millis median latency
 * @param p99Millis 99th-percentile latency
 * @param checksum a sum over the answers, equal for engines that answered alike
 */
record Timing(int count, double p50Millis, double p99Millis, long checksum) {

    /** One search: answers a single input and returns its contribution to the checksum. */
    interface Search<T> {
        long run(T input) throws Exception;
    }

    static <T> Timing measure(List<T> warmUp, List<T> inputs, double budgetSeconds, Search<T> search) throws Exception {
        for (T input : warmUp) {
            search.run(input);
        }
        long[] nanos = new long[inputs.size()];
        long checksum = 0;
        int count = 0;
        long deadline = System.nanoTime() + (long) (Math.min(budgetSeconds, 86_400) * 1e9);
        while (count < inputs.size() && (count == 0 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            checksum += search.run(inputs.get(count));
            nanos[count++] = System.nanoTime() - start;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Timing(count, percentile(sorted, 0.50), percentile(sorted, 0.99), checksum);
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1);
        return sorted[index] / 1e6;
    }

    String cell() {
        return String.format("%s / %s", millis(p50Millis), millis(p99Millis))
                + (count < 30 ? " (n=" + count + ")" : "");
    }

    private static String millis(double value) {
        return value < 10 ? String.format("%.2f", value) : String.format("%.0f", value);
    }
}
