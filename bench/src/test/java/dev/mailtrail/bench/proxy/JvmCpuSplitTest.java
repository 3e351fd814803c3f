package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmCpuSplitTest {

    @Test
    void theProxysAndThePipelinesThreadsAreToldApartByName() {
        assertThat(JvmCpuSplit.group("multiThreadIoEventLoopGroup-3-2")).isEqualTo(JvmCpuSplit.EVENT_LOOPS);
        assertThat(JvmCpuSplit.group("mailtrail-lookup")).isEqualTo(JvmCpuSplit.EVENT_LOOPS);
        assertThat(JvmCpuSplit.group("mailtrail-core")).isEqualTo(JvmCpuSplit.CORE);
        assertThat(JvmCpuSplit.group("mailtrail-journal")).isEqualTo(JvmCpuSplit.JOURNAL);
        assertThat(JvmCpuSplit.group("Lucene Merge Thread #0")).isEqualTo(JvmCpuSplit.LUCENE);
        assertThat(JvmCpuSplit.group("main")).isEqualTo(JvmCpuSplit.OTHER);
    }

    @Test
    void theGroupsAddUpToTheProcesssTimeWithoutTheSessions() {
        CpuMeter jvm = CpuMeter.benchJvmWithoutClients();
        Thread session = Thread.currentThread();

        Map<String, Long> split = JvmCpuSplit.sample(List.of(session));
        long total = split.values().stream().mapToLong(Long::longValue).sum();
        long counted = jvm.cpuNanos(List.of(session));

        assertThat(split.keySet())
                .containsExactly(
                        JvmCpuSplit.EVENT_LOOPS,
                        JvmCpuSplit.CORE,
                        JvmCpuSplit.JOURNAL,
                        JvmCpuSplit.LUCENE,
                        JvmCpuSplit.OTHER,
                        JvmCpuSplit.VM);
        // the two samples are a moment apart: within 50 ms of each other
        assertThat(Math.abs(counted - total)).isLessThan(50_000_000L);
    }
}
