package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.TrustedNetworks;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * Takes the HAProxy PROXY protocol header (v1 or v2, decoded by Netty's {@code HAProxyMessageDecoder}) and starts
 * the session with the client address it names, so ClientIPAddress is the real client's and not the load
 * balancer's. A {@code LOCAL} header (a health check) keeps the balancer's own address. Only a peer in the
 * listener's {@code trusted-networks} may send one: from anyone else the header is a forgery (it would choose the
 * records' address and pass as loopback for plaintext logins), so the connection is closed and the attempt logged.
 */
final class ProxyProtocolReader extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(ProxyProtocolReader.class.getName());

    private final TrustedNetworks trusted;

    ProxyProtocolReader(TrustedNetworks trusted) {
        this.trusted = trusted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
            if (!trusted.contains(client)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "PROXY protocol header naming {0} from {1} refused, connection closed: the peer is not in"
                                + " trusted-networks",
                        header.sourceAddress() == null ? "no address" : clean(header.sourceAddress()),
                        client.getAddress() == null
                                ? client.getHostString()
                                : client.getAddress().getHostAddress());
                ctx.close();
                return;
            }
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

    /** Netty has checked the address's syntax already; bounded and printable all the same, for the log line. */
    private static String clean(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) : s;
        return t.replaceAll("[^0-9A-Za-z.:%\\[\\]-]", "?");
    }
}
