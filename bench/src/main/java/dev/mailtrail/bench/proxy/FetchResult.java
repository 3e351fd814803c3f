package dev.mailtrail.bench.proxy;

/**
 * One cell of the FETCH table: so many sessions fetching one size of message from one side for a measured time.
 *
 * @param fetches complete FETCH commands started and finished inside the measured window
 * @param bytes message bytes those fetches delivered
 * @param p50Nanos median time from sending the command to its tagged OK
 * @param p99Nanos 99th percentile of the same
 * @param completed FETCH commands whose tagged OK arrived inside the window, whenever they were sent: the messages
 *     whose relaying the window's CPU time paid for (with latencies near the window's length, many more than
 *     {@code fetches})
 * @param relayCpuNanos CPU time of whatever relays this side ({@link CpuMeter}) during the window
 * @param serverCpuNanos CPU time of the mail server's processes during the window
 * @param jvmCpuNanos the bench JVM's CPU time during the window by kind of thread ({@link JvmCpuSplit})
 */
public record FetchResult(
        long fetches,
        long bytes,
        double seconds,
        long p50Nanos,
        long p99Nanos,
        long completed,
        long relayCpuNanos,
        long serverCpuNanos,
        java.util.Map<String, Long> jvmCpuNanos) {
    public double messagesPerSecond() {
        return fetches / seconds;
    }

    public double megabytesPerSecond() {
        return bytes / seconds / (1024.0 * 1024.0);
    }

    /** The relay's CPU seconds per 10,000 messages relayed; NaN when the window saw none. */
    public double cpuSecondsPer10k() {
        return per10k(relayCpuNanos);
    }

    /** The mail server's CPU seconds per 10,000 messages served; NaN when the window saw none. */
    public double serverCpuSecondsPer10k() {
        return per10k(serverCpuNanos);
    }

    /** The bench JVM's CPU seconds per 10,000 messages, by kind of thread, in {@link JvmCpuSplit}'s order. */
    public java.util.Map<String, Double> jvmCpuSecondsPer10k() {
        java.util.Map<String, Double> per10k = new java.util.LinkedHashMap<>();
        jvmCpuNanos.forEach((group, nanos) -> per10k.put(group, per10k(nanos)));
        return per10k;
    }

    private double per10k(long nanos) {
        return completed == 0 ? Double.NaN : nanos / 1e9 / completed * 10_000;
    }
}
