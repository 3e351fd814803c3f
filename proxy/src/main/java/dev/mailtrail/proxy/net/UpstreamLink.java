package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.tls.TlsContexts;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One connection to the mail server, on the client's event loop: connecting (implicit TLS from the first byte),
 * the STARTTLS/STLS and ID exchanges the proxy has with the server itself right after the greeting, and the handler
 * that hands everything the server sends back to the relay.
 */
final class UpstreamLink {

    private static final System.Logger LOG = System.getLogger(UpstreamLink.class.getName());
    private static final int MAX_STARTTLS_ANSWER = 4096;
    private static final int MAX_PASSED_ON = 1 << 20;

    private final ProtocolRelay relay;
    private final RelayContext context;
    private Channel channel;
    private ByteBuf negotiation;
    private String identifyTag;
    private Function<String, Runnable> exchangeAnswer;
    /** Answers to the client's commands sent before the proxy's ID (one sent just before a login), kept in order. */
    private ByteBuf passOn;

    private boolean idAnswered;

    UpstreamLink(ProtocolRelay relay, RelayContext context) {
        this.relay = relay;
        this.context = context;
    }

    /** Connects; {@code connected} runs once the TCP connection is up, a failure closes the client with a BYE. */
    void connect(EventLoop loop, Runnable connected) {
        UpstreamConfig up = context.upstream();
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        up.connectTimeout().toMillis())
                .handler(new Side());
        b.connect(up.host(), up.port()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "mail server " + up.host() + ":" + up.port() + " unreachable: "
                                + f.cause().getMessage());
                relay.closeWith(relay.unavailable("Mail server unavailable, try again later."));
                return;
            }
            channel = f.channel();
            if (up.tls() == TlsMode.IMPLICIT) {
                SslHandler tls = TlsContexts.clientHandler(context.upstreamTls(), up, channel.alloc());
                channel.pipeline().addFirst("tls", tls);
                // as with STARTTLS: a certificate the proxy refuses fails every login, so say so where it is seen
                tls.handshakeFuture().addListener(h -> {
                    if (!h.isSuccess()) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "TLS with the mail server {0}:{1} failed (session {2}): {3}",
                                up.host(),
                                String.valueOf(up.port()),
                                relay.sessionId,
                                h.cause().getMessage());
                    }
                });
            }
            connected.run();
        });
    }

    /** The connection, null until connected. */
    Channel channel() {
        return channel;
    }

    /** True while the proxy's own STARTTLS exchange with the server is under way. */
    boolean negotiating() {
        return negotiation != null;
    }

    /** Sends the server the STARTTLS (STLS) command; its answer is read here, never by the client. */
    void startTls() {
        negotiation = Unpooled.buffer();
        channel.writeAndFlush(Unpooled.copiedBuffer(relay.upstreamStartTlsCommand(), StandardCharsets.US_ASCII));
    }

    /**
     * Sends the server an ID command of the proxy's own ({@code tag}); its answer, whatever it is, is read here and
     * never reaches the client, then the relay is told the upstream is ready.
     */
    void identify(String tag, String command) {
        negotiation = Unpooled.buffer();
        passOn = Unpooled.buffer();
        idAnswered = false;
        identifyTag = tag;
        channel.writeAndFlush(Unpooled.copiedBuffer(command, StandardCharsets.UTF_8));
    }

    /**
     * Sends the server a command of the proxy's own (SMTP's EHLO and XCLIENT); each line of its answer goes to
     * {@code answer}, never to the client, until {@code answer} returns what to do next, which runs once the exchange
     * is over (it may start another).
     */
    void exchange(String command, Function<String, Runnable> answer) {
        if (negotiation == null) {
            negotiation = Unpooled.buffer();
        }
        exchangeAnswer = answer;
        channel.writeAndFlush(Unpooled.copiedBuffer(command, StandardCharsets.UTF_8));
    }

    /** Server output during the exchange; TLS starts once the answer is a yes. */
    void negotiate(ByteBuf in) {
        negotiation.writeBytes(in);
        in.release();
        while (negotiation != null) {
            int lf = negotiation.indexOf(negotiation.readerIndex(), negotiation.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (negotiation.readableBytes() > MAX_STARTTLS_ANSWER) {
                    relay.closeWith(relay.unavailable("Mail server sent an unreadable answer to STARTTLS."));
                }
                return;
            }
            int start = negotiation.readerIndex();
            String line = negotiation.toString(start, lf + 1 - start, StandardCharsets.US_ASCII);
            negotiation.readerIndex(lf + 1);
            if (exchangeAnswer != null) {
                Runnable next = exchangeAnswer.apply(line);
                if (next != null) {
                    exchangeAnswer = null;
                    endNegotiation();
                    next.run();
                }
                continue;
            }
            if (identifyTag != null) {
                if (line.startsWith(identifyTag + " ")) {
                    identified();
                    return;
                }
                if (!idAnswered && line.regionMatches(true, 0, "* ID ", 0, 5)) {
                    idAnswered = true; // the untagged answer to the proxy's ID
                } else if (passOn.readableBytes() + lf + 1 - start > MAX_PASSED_ON) {
                    relay.closeWith(relay.unavailable("Mail server did not answer the proxy's ID."));
                    return;
                } else {
                    passOn.writeBytes(negotiation, start, lf + 1 - start);
                }
                continue;
            }
            Boolean ok = relay.upstreamStartTlsAnswer(line);
            if (ok != null) {
                endNegotiation();
                answered(ok);
            }
        }
    }

    /**
     * The proxy's ID is answered: the client's earlier answers, then whatever followed in the same read (the answer
     * to the login behind the ID), go to the relay as server output.
     */
    private void identified() {
        ByteBuf out = passOn;
        passOn = null;
        out.writeBytes(negotiation);
        endNegotiation();
        identifyTag = null;
        relay.upstreamReady();
        if (out.isReadable()) {
            relay.serverBytes(out);
        } else {
            out.release();
        }
    }

    private void endNegotiation() {
        if (negotiation.isReadable()) {
            LOG.log(System.Logger.Level.DEBUG, "mail server sent more than its answer: " + relay.sessionId);
        }
        negotiation.release();
        negotiation = null;
    }

    private void answered(boolean ok) {
        if (!ok) {
            relay.closeWith(relay.unavailable("Mail server refused TLS."));
            return;
        }
        SslHandler tls = TlsContexts.clientHandler(context.upstreamTls(), context.upstream(), channel.alloc());
        channel.pipeline().addFirst("tls", tls);
        tls.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                relay.upstreamSecured();
            } else {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "TLS with the mail server failed: " + f.cause().getMessage());
                relay.closeWith(relay.unavailable("TLS with the mail server failed."));
            }
        });
    }

    void close() {
        if (channel != null) {
            channel.close();
        }
        if (negotiation != null) {
            negotiation.release();
            negotiation = null;
        }
        if (passOn != null) {
            passOn.release();
            passOn = null;
        }
    }

    /** The handler on the mail server's channel: everything goes back to the relay on the same event loop. */
    private final class Side extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            relay.serverBytes((ByteBuf) msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            relay.client.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            relay.updateReading();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            relay.upstreamInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "mail server connection of " + relay.sessionId + " failed", cause);
            ctx.close();
        }
    }
}
