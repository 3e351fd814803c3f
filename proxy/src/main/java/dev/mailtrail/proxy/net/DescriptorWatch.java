package dev.mailtrail.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps file descriptors free for the stores and the journal: while fewer than the reserve are left under the
 * process's limit, the listeners stop accepting (their server channels stop reading, so new connections wait in the
 * kernel's backlog rather than fail); they accept again once descriptors are back below the line. An index merge
 * that cannot open a file is fatal to the store; a client that waits a moment for its connection is not.
 */
final class DescriptorWatch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DescriptorWatch.class.getName());

    private final Collection<Channel> listeners;
    private final LongSupplier openDescriptors;
    private final long line;
    private final ScheduledFuture<?> task;
    private final java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean();
    /** The last count plus two for each connection accepted since (the client's and its mail server's). */
    private final java.util.concurrent.atomic.AtomicLong estimate = new java.util.concurrent.atomic.AtomicLong();

    private DescriptorWatch(
            EventLoopGroup loop, Collection<Channel> listeners, LongSupplier open, long max, int reserve) {
        this.listeners = listeners;
        this.openDescriptors = open;
        this.line = max - reserve;
        // counted once before the first connection: an estimate starting from nothing would admit a burst
        // that arrives before the first scheduled count
        check();
        this.task = loop.scheduleAtFixedRate(this::check, 20, 20, TimeUnit.MILLISECONDS);
        LOG.log(
                System.Logger.Level.INFO,
                "descriptor limit " + max + ", " + reserve + " kept for the stores: accepting pauses above " + line);
    }

    /** Watches this process's descriptors, or nothing (null) where the platform does not count them. */
    static DescriptorWatch start(EventLoopGroup loop, Collection<Channel> listeners, int reserve) {
        if (!(ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
            LOG.log(System.Logger.Level.WARNING, "the platform does not count open descriptors; no headroom kept");
            return null;
        }
        long max = os.getMaxFileDescriptorCount();
        if (max <= 0 || max == Long.MAX_VALUE) {
            return null;
        }
        // under a small limit (ulimit -n 128) a fixed reserve would leave nothing to accept with: a quarter at most
        int kept = (int) Math.min(reserve, max / 4);
        return new DescriptorWatch(loop, listeners, os::getOpenFileDescriptorCount, max, kept);
    }

    /** Watches a count of descriptors given (tests). */
    static DescriptorWatch watching(
            EventLoopGroup loop, Collection<Channel> listeners, LongSupplier open, long max, int reserve) {
        return new DescriptorWatch(loop, listeners, open, max, reserve);
    }

    private void check() {
        long open;
        try {
            open = openDescriptors.getAsLong();
        } catch (RuntimeException | Error e) {
            // counting needs a descriptor itself: failing to count means there are none left (and an exception
            // escaping would cancel this task for good, leaving accepting paused)
            open = line;
        }
        if (open < 0) {
            open = line;
        }
        estimate.set(open);
        if (open >= line) {
            pause(open);
        } else if (open < line - Math.max(1, (line / 20)) && paused.compareAndSet(true, false)) {
            listeners.forEach(c -> c.config().setAutoRead(true));
            LOG.log(System.Logger.Level.INFO, open + " descriptors open: accepting connections again");
        }
    }

    /**
     * Whether a connection just accepted may stay: between two counts a burst of connections could take the
     * reserve, so each one is estimated at two descriptors, and past the line accepting pauses at once.
     */
    boolean admit() {
        long e = estimate.addAndGet(2);
        if (e >= line) {
            pause(e);
            return false;
        }
        return true;
    }

    private void pause(long open) {
        if (paused.compareAndSet(false, true)) {
            listeners.forEach(c -> c.config().setAutoRead(false));
            LOG.log(
                    System.Logger.Level.WARNING,
                    "about " + open + " descriptors open, at the line of " + line
                            + ": new connections wait until some close (descriptors kept for the stores)");
        }
    }

    /** Whether accepting is paused now. */
    boolean paused() {
        return paused.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
