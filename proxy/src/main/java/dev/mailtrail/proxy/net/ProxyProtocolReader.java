package dev.mailtrail.proxy.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * Takes the HAProxy PROXY protocol header (v1 or v2, decoded by Netty's {@code HAProxyMessageDecoder}) and starts
 * the session with the client address it names, so ClientIPAddress is the real client's and not the load
 * balancer's. A {@code LOCAL} header (a health check) keeps the balancer's own address.
 */
final class ProxyProtocolReader extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
            if (header.sourceAddress() != null
                    && header.proxiedProtocol() != HAProxyProxiedProtocol.UNKNOWN
                    && header.proxiedProtocol() != HAProxyProxiedProtocol.UNIX_STREAM) {
                client = new InetSocketAddress(
                        NetUtil.createInetAddressFromIpAddressString(header.sourceAddress()), header.sourcePort());
            }
            ProtocolRelay relay = ctx.pipeline().get(ProtocolRelay.class);
            ctx.pipeline().remove(this);
            relay.start(client);
        } finally {
            header.release();
        }
    }
}
