package dev.mailtrail.proxy.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Accepting pauses while descriptors are within the stores' reserve and resumes once they are back below it. */
class DescriptorWatchTest {

    @Test
    void acceptingPausesInsideTheReserveAndResumesBelowIt() throws Exception {
        DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);
        EmbeddedChannel listener = new EmbeddedChannel();
        AtomicLong open = new AtomicLong(100);
        try (DescriptorWatch watch = DescriptorWatch.watching(loop, List.of(listener), open::get, 1024, 256)) {
            open.set(800);
            // the flag turns first, the listener's auto-read a moment after on the watch's thread: wait for both
            await(() -> watch.paused() && !listener.config().isAutoRead());
            open.set(760); // below the line, within its margin: still paused, no flapping
            Thread.sleep(200);
            assertThat(watch.paused()).isTrue();
            open.set(300);
            await(() -> !watch.paused() && listener.config().isAutoRead());
        } finally {
            loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aBurstBetweenTwoCountsPausesAcceptingAtTheLine() throws Exception {
        DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);
        EmbeddedChannel listener = new EmbeddedChannel();
        AtomicLong open = new AtomicLong(700);
        try (DescriptorWatch watch = DescriptorWatch.watching(loop, List.of(listener), open::get, 1024, 256)) {
            assertThat(watch.admit()).isTrue(); // counted at once: 700, plus 2 for this one
            open.addAndGet(2); // each admitted connection really takes its two descriptors
            int admitted = 1;
            while (watch.admit()) {
                open.addAndGet(2);
                admitted++;
            }
            assertThat(admitted)
                    .as("connections admitted before the line, two descriptors each")
                    .isLessThanOrEqualTo(34);
            assertThat(watch.paused()).isTrue();
            assertThat(listener.config().isAutoRead()).isFalse();
        } finally {
            loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 10 s").isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
