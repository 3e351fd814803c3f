package dev.mailtrail.bench.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code sessions} IMAP sessions at once against one port, each fetching the messages of one folder in turn
 * with {@code depth} commands in flight (1: one at a time, as a person's client reads; more: pipelined, as mbsync
 * downloads); measures after a warm-up and for a fixed time. A command's latency is from sending it to its tagged
 * OK, so with pipelining it includes the wait behind the commands sent before it. The relay's and the server's CPU
 * time are sampled at the window's edges.
 */
public final class FetchRun {
    private final String host;
    private final int port;
    private final String folder;
    private final int sessions;
    private final int depth;
    private final Duration warmUp;
    private final Duration measured;
    private final CpuMeter relay;
    private final CpuMeter server;

    public FetchRun(
            String host,
            int port,
            String folder,
            int sessions,
            int depth,
            Duration warmUp,
            Duration measured,
            CpuMeter relay,
            CpuMeter server) {
        this.host = host;
        this.port = port;
        this.folder = folder;
        this.sessions = sessions;
        this.depth = depth;
        this.warmUp = warmUp;
        this.measured = measured;
        this.relay = relay;
        this.server = server;
    }

    public FetchResult run() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(sessions);
        CountDownLatch go = new CountDownLatch(1);
        // a session that has drained its commands waits to log out until the window's CPU time has been read: its
        // server process (and its own thread) must still be there to be counted
        CountDownLatch sampled = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] windowStart = new long[1];
        List<Session> all = new ArrayList<>(sessions);
        List<Thread> threads = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            Session session = new Session(i);
            all.add(session);
            threads.add(Thread.ofPlatform().name("bench-session-" + i).start(() -> {
                try (ImapBenchClient client = ImapBenchClient.connect(host, port)) {
                    client.login(BenchCorpus.OWNER, "demo");
                    int count = client.examine(folder);
                    ready.countDown();
                    go.await();
                    session.fetchUntil(client, count, windowStart[0]);
                    sampled.await();
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        ready.await();
        if (failure.get() != null) {
            go.countDown();
            sampled.countDown();
            throw new IllegalStateException("a session could not start on port " + port, failure.get());
        }
        windowStart[0] = System.nanoTime() + warmUp.toNanos();
        go.countDown();
        long relayCpu;
        long serverCpu;
        Map<String, Long> split;
        try {
            sleepUntil(windowStart[0]);
            long relayAtStart = relay.cpuNanos(threads);
            long serverAtStart = server.cpuNanos(threads);
            Map<String, Long> splitAtStart = JvmCpuSplit.sample(threads);
            sleepUntil(windowStart[0] + measured.toNanos());
            relayCpu = relay.cpuNanos(threads) - relayAtStart;
            serverCpu = server.cpuNanos(threads) - serverAtStart;
            split = JvmCpuSplit.minus(JvmCpuSplit.sample(threads), splitAtStart);
        } finally {
            sampled.countDown();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a session failed on port " + port, failure.get());
        }
        return summarise(all, relayCpu, serverCpu, split);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private FetchResult summarise(List<Session> all, long relayCpu, long serverCpu, Map<String, Long> split) {
        int total = all.stream().mapToInt(s -> s.count).sum();
        long[] latencies = new long[total];
        long bytes = 0;
        int at = 0;
        for (Session session : all) {
            System.arraycopy(session.latencies, 0, latencies, at, session.count);
            at += session.count;
            bytes += session.bytes;
        }
        Arrays.sort(latencies);
        return new FetchResult(
                total,
                bytes,
                measured.toNanos() / 1e9,
                total == 0 ? 0 : latencies[(int) Math.min(total - 1, Math.round(total * 0.50))],
                total == 0 ? 0 : latencies[(int) Math.min(total - 1, Math.round(total * 0.99))],
                all.stream().mapToLong(s -> s.completed).sum(),
                relayCpu,
                serverCpu,
                split);
    }

    /** One session's measurements; written by its own thread only, read after it ended. */
    private final class Session {
        private final int number;
        private long[] latencies = new long[1024];
        private int count;
        private long bytes;
        private long completed;

        Session(int number) {
            this.number = number;
        }

        void fetchUntil(ImapBenchClient client, int messages, long windowStart) throws IOException {
            long windowEnd = windowStart + measured.toNanos();
            // Sessions start at different messages so that they do not all read the same one.
            long uid = (number * 7L) % messages;
            ArrayDeque<String> tags = new ArrayDeque<>(depth);
            ArrayDeque<Long> sent = new ArrayDeque<>(depth);
            while (true) {
                long now = System.nanoTime();
                while (now < windowEnd && tags.size() < depth) {
                    sent.add(now);
                    tags.add(client.sendFetch(uid % messages + 1));
                    uid++;
                    now = System.nanoTime();
                }
                if (tags.isEmpty()) {
                    return;
                }
                long got = client.awaitFetch(tags.poll());
                long start = sent.poll();
                long end = System.nanoTime();
                if (end >= windowStart && end <= windowEnd) {
                    completed++;
                }
                if (start >= windowStart && end <= windowEnd) {
                    record(end - start, got);
                }
            }
        }

        private void record(long nanos, long got) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            bytes += got;
        }
    }
}
