package dev.mailtrail.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The open client connections of a proxy, closed together at shutdown. A session counts until its relay has ended,
 * i.e. until its auditor has emitted what it still held, so that shutdown can wait for those last events.
 */
final class Sessions {

    private final ChannelGroup clients = new DefaultChannelGroup("mailtrail-clients", GlobalEventExecutor.INSTANCE);
    private final Set<ProtocolRelay> open = new HashSet<>();

    synchronized void add(Channel client, ProtocolRelay relay) {
        clients.add(client);
        open.add(relay);
    }

    synchronized void ended(ProtocolRelay relay) {
        open.remove(relay);
        notifyAll();
    }

    synchronized int size() {
        return open.size();
    }

    /** Closes every client connection and waits up to {@code limit} until every session has ended. */
    boolean closeAll(Duration limit) throws InterruptedException {
        clients.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
