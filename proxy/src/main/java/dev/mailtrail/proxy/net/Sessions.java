package dev.mailtrail.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * Tells every session the server is going away (a BYE, as Dovecot's {@code Server shutting down.}), waits up to
     * {@code limit} until each has ended, then closes whatever is left.
     */
    boolean closeAll(Duration limit) throws InterruptedException {
        List<ProtocolRelay> relays;
        synchronized (this) {
            relays = new ArrayList<>(open);
        }
        relays.forEach(ProtocolRelay::shutDown);
        long deadline = System.nanoTime() + limit.toNanos();
        boolean ended = true;
        synchronized (this) {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    ended = false;
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        clients.close().awaitUninterruptibly();
        return ended;
    }
}
