package dev.mailtrail.bench.proxy;

/**
 * One cell of the FETCH table: so many sessions fetching one size of message from one side for a measured time.
 *
 * @param fetches complete FETCH commands started and finished inside the measured window
 * @param bytes message bytes those fetches delivered
 * @param p50Nanos median time from sending the command to its tagged OK
 * @param p99Nanos 99th percentile of the same
 */
public record FetchResult(long fetches, long bytes, double seconds, long p50Nanos, long p99Nanos) {
    public double messagesPerSecond() {
        return fetches / seconds;
    }

    public double megabytesPerSecond() {
        return bytes / seconds / (1024.0 * 1024.0);
    }
}
