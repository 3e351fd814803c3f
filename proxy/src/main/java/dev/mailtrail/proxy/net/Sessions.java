package dev.mailtrail.proxy.net;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/** The open client connections of a proxy, closed together at shutdown. */
final class Sessions {

    private final ChannelGroup clients = new DefaultChannelGroup("mailtrail-clients", GlobalEventExecutor.INSTANCE);

    void add(Channel client) {
        clients.add(client);
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.close().awaitUninterruptibly();
    }
}
