package dev.mailtrail.bench.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bench JVM's CPU time goes, by kind of thread, so that a proxy side's CPU count can be read as its parts:
 * the proxy's event loops (relaying and parsing), the audit core, the journal's writer (its fdatasync), Lucene's
 * merges, other Java threads, and what no Java thread is charged with (the collector and the compiler). A thread that
 * ends inside a window takes its time out of its group and into the last.
 */
public final class JvmCpuSplit {
    public static final String EVENT_LOOPS = "event loops";
    public static final String CORE = "audit core";
    public static final String JOURNAL = "journal";
    public static final String LUCENE = "Lucene";
    public static final String OTHER = "other Java";
    public static final String VM = "GC, JIT, VM";

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JvmCpuSplit() {}

    /** Cumulative CPU nanoseconds by group, the bench's session threads left out. */
    public static Map<String, Long> sample(List<Thread> clients) {
        Map<String, Long> split = new LinkedHashMap<>();
        for (String group : List.of(EVENT_LOOPS, CORE, JOURNAL, LUCENE, OTHER, VM)) {
            split.put(group, 0L);
        }
        long process = OS.getProcessCpuTime();
        java.util.Set<Long> sessions = new java.util.HashSet<>();
        clients.forEach(client -> sessions.add(client.threadId()));
        long javaThreads = 0;
        // names only, no stacks: the sample must cost little beside what it measures
        for (java.lang.management.ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (thread == null) {
                continue; // ended since listed
            }
            long nanos = Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            javaThreads += nanos;
            if (!sessions.contains(thread.getThreadId())) {
                split.merge(group(thread.getThreadName()), nanos, Long::sum);
            }
        }
        split.put(VM, process - javaThreads);
        return split;
    }

    /** {@code later - earlier}, group by group. */
    public static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> difference = new LinkedHashMap<>();
        later.forEach((group, nanos) -> difference.put(group, nanos - earlier.getOrDefault(group, 0L)));
        return difference;
    }

    static String group(String threadName) {
        if (threadName.contains("EventLoop") || threadName.startsWith("mailtrail-lookup")) {
            return EVENT_LOOPS;
        }
        if (threadName.equals("mailtrail-core")) {
            return CORE;
        }
        if (threadName.equals("mailtrail-journal")) {
            return JOURNAL;
        }
        if (threadName.startsWith("Lucene")) {
            return LUCENE;
        }
        return OTHER;
    }
}
