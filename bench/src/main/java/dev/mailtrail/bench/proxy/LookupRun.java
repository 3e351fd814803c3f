package dev.mailtrail.bench.proxy;

import java.io.IOException;
import java.util.Arrays;

/**
 * What naming a message costs: one session reads {@code count} messages of a folder once each with {@code UID FETCH
 * n (BODY.PEEK[TEXT])}, whose response carries no header, one at a time, and the latency of each read is measured
 * from sending the command to its tagged OK. Through a proxy with a lookup account the first read of each message
 * waits for one lookup (the cache is cold); a second run over the same messages finds them cached.
 */
public final class LookupRun {

    /** The reads' latencies, sorted, and how long the run took. */
    public record Result(long[] sortedNanos, long elapsedNanos) {
        public double readsPerSecond() {
            return sortedNanos.length / (elapsedNanos / 1e9);
        }

        public double p50Millis() {
            return sortedNanos[sortedNanos.length / 2] / 1e6;
        }

        public double p99Millis() {
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.round(sortedNanos.length * 0.99))] / 1e6;
        }
    }

    private LookupRun() {}

    public static Result run(String host, int port, String folder, int count) throws IOException {
        try (ImapBenchClient client = ImapBenchClient.connect(host, port)) {
            client.login(BenchCorpus.OWNER, "demo");
            int exists = client.examine(folder);
            int n = Math.min(count, exists);
            long[] nanos = new long[n];
            long start = System.nanoTime();
            for (int uid = 1; uid <= n; uid++) {
                long sent = System.nanoTime();
                client.awaitFetch(client.sendFetch(uid, "BODY.PEEK[TEXT]"));
                nanos[uid - 1] = System.nanoTime() - sent;
            }
            long elapsed = System.nanoTime() - start;
            Arrays.sort(nanos);
            return new Result(nanos, elapsed);
        }
    }
}
