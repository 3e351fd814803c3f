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
    private volatile boolean paused;

    private DescriptorWatch(
            EventLoopGroup loop, Collection<Channel> listeners, LongSupplier open, long max, int reserve) {
        this.listeners = listeners;
        this.openDescriptors = open;
        this.line = max - reserve;
        this.task = loop.scheduleAtFixedRate(this::check, 50, 50, TimeUnit.MILLISECONDS);
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
        long open = openDescriptors.getAsLong();
        if (!paused && open >= line) {
            paused = true;
            listeners.forEach(c -> c.config().setAutoRead(false));
            LOG.log(
                    System.Logger.Level.WARNING,
                    open + " descriptors open, at the line of " + line
                            + ": new connections wait until some close (descriptors kept for the stores)");
        } else if (paused && open < line - Math.max(1, (line / 20))) {
            paused = false;
            listeners.forEach(c -> c.config().setAutoRead(true));
            LOG.log(System.Logger.Level.INFO, open + " descriptors open: accepting connections again");
        }
    }

    /** Whether accepting is paused now. */
    boolean paused() {
        return paused;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
