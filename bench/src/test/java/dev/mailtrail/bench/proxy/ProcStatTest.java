package dev.mailtrail.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void userAndSystemTicksAreTheFourteenthAndFifteenthFields() {
        // a real line of haproxy -db (fields after stime shortened)
        String line = "4242 (haproxy) S 4100 4242 4100 34816 4242 4194560 1532 0 0 0 731 264 0 0 20 0 2 0 9915";

        assertThat(ProcStat.ticks(line)).isEqualTo(731 + 264);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String line = "77 (imap (x) y) R 1 77 77 0 -1 4194304 9 0 0 0 12 3 0 0 20 0 1 0 100";

        assertThat(ProcStat.ticks(line)).isEqualTo(15);
    }

    @Test
    void aLineThatIsNotAStatLineIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ProcStat.ticks("4242 haproxy S 1 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no command name");
        assertThatThrownBy(() -> ProcStat.ticks("4242 (haproxy) S 1 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void aBusyChildProcessIsChargedItsCpuTime() throws Exception {
        // a real process that burns about half a second of CPU, read from /proc as HAProxy's is
        Process busy =
                new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; sleep 5").start();
        try {
            long before = ProcStat.cpuNanos(busy.pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long now = before;
            while (now < TimeUnit.MILLISECONDS.toNanos(200) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                now = ProcStat.cpuNanos(busy.pid());
            }
            assertThat(now).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(now % (TimeUnit.SECONDS.toNanos(1) / ProcStat.clockTicksPerSecond()))
                    .isZero();
        } finally {
            busy.destroyForcibly();
            busy.waitFor();
        }
    }

    @Test
    void aProcessThatHasEndedCountsNothing() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Thread.sleep(100);

        assertThat(ProcStat.cpuNanos(done.pid())).isZero();
    }
}
