package dev.mailtrail.bench.proxy;

/**
 * One line of ProxyBench's FETCH table: a message size and session count, every side (HAProxy's may be absent).
 * "CPU s/10k" is the CPU seconds the side's relay spent per 10,000 messages ({@link CpuMeter}); on the direct side,
 * where nothing relays, it is what the same count finds in the bench's JVM anyway, and "Dovecot" is the server's.
 */
public record TableRow(
        String size, int sessions, FetchResult direct, FetchResult strict, FetchResult async, FetchResult relay) {

    private static final String NONE = "-";

    public static String header() {
        return String.format(
                "%-4s %4s | %-51s | %-43s | %5s %7s %7s | %-40s | %-40s%n"
                        + "%-4s %4s | %-51s | %-43s | %5s %7s %7s | %-40s | %-40s",
                "",
                "",
                "direct to Dovecot (CPU: the bench JVM's floor)",
                "through the proxy, strict",
                "ratio",
                "added",
                "added",
                "proxy, async (comparison)",
                "plain relay (HAProxy)",
                "size",
                "sess",
                "   msg/s     MB/s  p50 ms  p99 ms CPU s/10k Dovecot",
                "   msg/s     MB/s  p50 ms  p99 ms CPU s/10k",
                "",
                "p50 ms",
                "p99 ms",
                "   msg/s  p50 ms  p99 ms ratio CPU s/10k",
                "   msg/s  p50 ms  p99 ms ratio CPU s/10k");
    }

    public String format() {
        return String.format(
                "%-4s %4d | %s %9s %7s | %s %9s | %5.2f %7.2f %7.2f | %s | %s",
                size,
                sessions,
                side(direct),
                cpu(direct.cpuSecondsPer10k()),
                cpu(direct.serverCpuSecondsPer10k()),
                side(strict),
                cpu(strict.cpuSecondsPer10k()),
                strict.messagesPerSecond() / direct.messagesPerSecond(),
                (strict.p50Nanos() - direct.p50Nanos()) / 1e6,
                (strict.p99Nanos() - direct.p99Nanos()) / 1e6,
                compared(async),
                relay == null ? String.format("%40s", NONE) : compared(relay));
    }

    private static String side(FetchResult result) {
        return String.format(
                "%8.0f %8.1f %7.2f %7.2f",
                result.messagesPerSecond(),
                result.megabytesPerSecond(),
                result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6);
    }

    private String compared(FetchResult result) {
        return String.format(
                "%8.0f %7.2f %7.2f %5.2f %9s",
                result.messagesPerSecond(),
                result.p50Nanos() / 1e6,
                result.p99Nanos() / 1e6,
                result.messagesPerSecond() / direct.messagesPerSecond(),
                cpu(result.cpuSecondsPer10k()));
    }

    private static String cpu(double seconds) {
        return Double.isFinite(seconds) ? String.format("%.2f", seconds) : NONE;
    }
}
