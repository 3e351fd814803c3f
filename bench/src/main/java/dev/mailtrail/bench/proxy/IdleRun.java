package dev.mailtrail.bench.proxy;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens many sessions that log in, EXAMINE INBOX and IDLE, and measures this JVM's memory with them open. Run once
 * directly against the server and once through the proxy (which lives in this JVM): the difference of the two,
 * per session, is what the proxy holds for an idle session, the clients' own sockets and buffers cancelling out.
 */
public final class IdleRun {
    private static final int CLIENT_BUFFER_BYTES = 1024;

    private IdleRun() {}

    /**
     * Memory in bytes: heap in use after a full collection, direct buffers in use, and the process's resident set
     * (which also holds thread stacks, socket buffers on the Java side, and whatever the heap committed).
     */
    public record Memory(long heap, long direct, long resident) {
        public long total() {
            return heap + direct;
        }
    }

    /** The memory this JVM holds with {@code sessions} idle sessions open on {@code port}, minus without them. */
    public static Memory measure(String host, int port, int sessions) throws Exception {
        Memory before = memory();
        List<ImapBenchClient> open = Collections.synchronizedList(new ArrayList<>(sessions));
        ExecutorService openers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> started = new ArrayList<>(sessions);
            for (int i = 0; i < sessions; i++) {
                started.add(openers.submit(() -> {
                    ImapBenchClient client = ImapBenchClient.connect(host, port, CLIENT_BUFFER_BYTES);
                    open.add(client);
                    client.login(BenchCorpus.OWNER, "demo");
                    client.examine("INBOX");
                    client.idle();
                    return null;
                }));
            }
            for (Future<?> future : started) {
                future.get();
            }
            Memory during = memory();
            return new Memory(
                    during.heap() - before.heap(),
                    during.direct() - before.direct(),
                    during.resident() - before.resident());
        } finally {
            openers.shutdown();
            for (ImapBenchClient client : open) {
                try {
                    client.close();
                } catch (IOException e) {
                    // the session is being thrown away; a failed close changes no measurement
                }
            }
        }
    }

    /** VmRSS from {@code /proc/self/status}; 0 where there is none (not Linux). */
    private static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static Memory memory() throws InterruptedException {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct += pool.getMemoryUsed();
            }
        }
        long nettyDirect = io.netty.util.internal.PlatformDependent.usedDirectMemory();
        if (nettyDirect > 0) {
            direct += nettyDirect;
        }
        return new Memory(bean.getHeapMemoryUsage().getUsed(), direct, residentSetBytes());
    }
}
