package dev.mailtrail.proxy.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * A connection over a limit: it gets one line (through TLS on an implicit-TLS listener, after the handshake) and is
 * closed; nothing it sends is read into anything, and no mail server connection is made for it.
 */
final class Refusal extends ChannelInboundHandlerAdapter {

    private final String line;

    Refusal(String line) {
        this.line = line;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII))
                .addListener(ChannelFutureListener.CLOSE);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
