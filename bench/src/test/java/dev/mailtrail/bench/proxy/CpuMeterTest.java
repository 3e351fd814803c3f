package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void aChildThatEndsDoesNotTakeItsTimeOutOfAProcessTreesCount() throws Exception {
        // a parent that waits while its child burns CPU and ends, as a session's imap process ends after its logout
        Process parent = new ProcessBuilder(
                        "sh", "-c", "sh -c 'i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done'; sleep 30")
                .start();
        try {
            CpuMeter tree = CpuMeter.processTree(parent.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long whileBusy = tree.cpuNanos(List.of());
            while (whileBusy < TimeUnit.MILLISECONDS.toNanos(100) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                whileBusy = tree.cpuNanos(List.of());
            }
            while (parent.toHandle()
                            .children()
                            .anyMatch(c -> c.info().command().orElse("").endsWith("sh"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            long afterItEnded = tree.cpuNanos(List.of());

            assertThat(whileBusy).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(afterItEnded).isGreaterThanOrEqualTo(whileBusy);
            assertThat(ProcStat.cpuNanos(parent.pid())).isLessThan(whileBusy);
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }

    @Test
    void theBenchJvmsCountLeavesOutItsSessionThreads() throws Exception {
        CpuMeter jvm = CpuMeter.benchJvmWithoutClients();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread client = Thread.ofPlatform().start(() -> {
            try {
                started.countDown();
                // by its own CPU time, not the clock: on a busy machine the thread gets a share of a core
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long until = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(500);
                while (threads.getCurrentThreadCpuTime() < until) {
                    Thread.onSpinWait();
                }
                spun.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        long before = jvm.cpuNanos(List.of(client));
        spun.await();
        // sampled while the thread still lives: once it has ended its time can no longer be taken out
        long after = jvm.cpuNanos(List.of(client));
        long counted = jvm.cpuNanos(List.of());
        release.countDown();
        client.join();

        assertThat(counted - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400));
        assertThat(after - before).isLessThan(TimeUnit.MILLISECONDS.toNanos(250));
    }
}
