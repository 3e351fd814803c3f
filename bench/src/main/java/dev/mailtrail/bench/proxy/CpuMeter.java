package dev.mailtrail.bench.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Where a side's relaying CPU time is read: sampled at the start and at the end of a measured window, the
 * difference is what relaying that window's messages cost.
 */
@FunctionalInterface
public interface CpuMeter {

    /** Cumulative CPU time in nanoseconds; {@code clients} are the bench's own session threads. */
    long cpuNanos(List<Thread> clients);

    /**
     * This JVM's CPU time minus its bench sessions' threads: the proxy's event loops, the audit pipeline's core,
     * journal (its fdatasync) and Lucene threads, and the collector and compiler threads, which no thread accounting
     * can split between the proxy and the clients. Measured on the direct side, it is what the method counts when
     * nothing relays (the clients' garbage, the idle proxies).
     */
    static CpuMeter benchJvmWithoutClients() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return clients -> {
            long process = os.getProcessCpuTime();
            long sessions = 0;
            for (Thread client : clients) {
                // -1 for a thread that has ended: its time can then no longer be taken out
                sessions += Math.max(0, threads.getThreadCpuTime(client.threadId()));
            }
            return process - sessions;
        };
    }

    /** A process outside this JVM (HAProxy), all its threads. */
    static CpuMeter process(long pid) {
        return clients -> ProcStat.cpuNanos(pid);
    }

    /**
     * A process and all its descendants (Dovecot's master and its imap, login and auth processes). A process's time
     * leaves the sum when it ends (a session's imap process logging out after the previous cell), so the sum is kept
     * here from each process's growth since it was last seen, which only ever grows: the time a process spends
     * between its last sample and its end is not counted.
     */
    static CpuMeter processTree(long pid) {
        java.util.Map<Long, Long> seen = new java.util.HashMap<>();
        long[] sum = {0};
        return clients -> {
            java.util.Map<Long, Long> now = new java.util.HashMap<>();
            ProcessHandle.of(pid).ifPresent(root -> {
                now.put(pid, ProcStat.cpuNanos(pid));
                root.descendants().forEach(child -> now.put(child.pid(), ProcStat.cpuNanos(child.pid())));
            });
            synchronized (seen) {
                now.forEach((process, nanos) -> sum[0] += Math.max(0, nanos - seen.getOrDefault(process, 0L)));
                seen.clear();
                seen.putAll(now);
                return sum[0];
            }
        };
    }
}
