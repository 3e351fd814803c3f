package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.AuditMode;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.session.ClientOrigin;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One client connection and its connection to the mail server ({@link UpstreamLink}), after Netty's HexDumpProxy:
 * both channels on one event loop, each side's reading switched off while the other cannot take more. Bytes are cut
 * into pieces at line ends by {@link ClientInput} (literal data passes in whole chunks) and handed to the protocol
 * ({@link ProtocolHooks}: {@link ImapRelay}, {@link Pop3Relay}, ...), which observes them and says what to pass on. Server output goes through {@link
 * ResponseHold} and {@link ClientRelease}, which keep each response back until it may be released.
 */
abstract class ProtocolRelay extends ProtocolHooks {

    private static final long QUEUE_HIGH_WATER = 4L * 1024 * 1024;
    /**
     * How long reads an intent covers and outcomes may wait to share the next group commit (decision 0011): a
     * client's next command nearly always comes sooner; a shorter wait made a sync of its own between the reads of
     * a slow reader (1 MB messages), which its next intent then waited behind. Only a crash inside it leaves the
     * intent to be resolved, by its UIDs.
     */
    private static final long DEFERRED_FLUSH_MILLIS = 250;

    final RelayContext context;
    final String sessionId = UUID.randomUUID().toString();
    final AckingSink events;
    Channel client;
    Channel upstream;
    ClientRelease release;
    private ResponseHold hold;
    InetSocketAddress clientAddress;
    /** The end user's address: the client's, or the one a trusted peer names (IMAP ID, XCLIENT). */
    ClientOrigin origin;

    boolean clientTls;

    private boolean started;
    private boolean ready;
    private boolean greeted;
    private boolean upstreamClosed;
    private boolean closing;
    /** The client shut down its sending side (TCP half-close): answers still go to it, then the session ends. */
    private boolean clientInputEnded;

    private boolean deferredFlushScheduled;

    private final List<ByteBuf> early = new ArrayList<>();
    private final ClientInput input;

    private final ServerHold serverHold = new ServerHold();
    private UpstreamLink link;
    private final SessionTimers timers;
    private final SessionLog log;
    private final Instant openedAt;

    ProtocolRelay(RelayContext context) {
        this.context = context;
        this.openedAt = context.clock().instant();
        this.events = new AckingSink(context.sink(), context.inFlight());
        this.input = new ClientInput(this, context.config().limits().maxLineLength());
        this.timers = new SessionTimers(this, context);
        this.log = new SessionLog(sessionId, context.listener().protocol().toString());
    }

    // ---- the client channel -------------------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        // a client that sends its commands and shuts down its side (shutdown(SHUT_WR), nc -N) still gets the
        // answers, as from the mail server itself: the end of its input is an event, not the end of the session
        client.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        context.sessions().add(client, this);
        release = new ClientRelease(client, this::auditFailed, this::updateReading);
        events.onDeferred(this::scheduleDeferredFlush);
        hold = new ResponseHold(
                this,
                release,
                events,
                context.config().mode() == AuditMode.STRICT,
                context.config().limits().maxHeldBytes());
        client.config().setAutoRead(context.listener().proxyProtocol());
        clientTls = context.listener().tls() == TlsMode.IMPLICIT;
        timers.connectionOpened(client);
        if (!context.listener().proxyProtocol()) {
            start((InetSocketAddress) client.remoteAddress());
        }
        ctx.fireChannelActive();
    }

    private void scheduleDeferredFlush() {
        if (deferredFlushScheduled) {
            return;
        }
        deferredFlushScheduled = true;
        client.eventLoop()
                .schedule(
                        () -> {
                            deferredFlushScheduled = false;
                            events.flushDeferred();
                        },
                        DEFERRED_FLUSH_MILLIS,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The PROXY protocol header named the real client. */
    void start(InetSocketAddress address) {
        if (started) {
            return;
        }
        started = true;
        clientAddress = address;
        origin = new ClientOrigin(
                context.listener().protocol().name(),
                sessionId,
                address,
                context.listener().trustedNetworks().contains(address));
        client.config().setAutoRead(false);
        sessionStarted();
        SslHandler tls = client.pipeline().get(SslHandler.class);
        if (context.listener().tls() == TlsMode.IMPLICIT
                && tls != null
                && !tls.handshakeFuture().isDone()) {
            // no mail server connection for a client that has not completed its handshake: a flood of idle
            // connections holds one descriptor each, not two (a failed handshake closes the client)
            client.config().setAutoRead(true);
            tls.handshakeFuture().addListener(f -> {
                if (f.isSuccess() && client.isActive() && !closing) {
                    client.config().setAutoRead(false);
                    connectUpstream();
                }
            });
        } else {
            connectUpstream();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!ready) {
            early.add(in);
            return;
        }
        clientBytes(in);
    }

    private void clientBytes(ByteBuf in) {
        timers.clientSpoke();
        input.feed(in, client::isActive);
        if (upstream != null) {
            upstream.flush();
        }
    }

    /** The rest of what the client sent in this read is dropped (bytes pipelined after STARTTLS). */
    void discardRestOfRead() {
        input.discardRest();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        client.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateReading();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        if (link != null) {
            link.close();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            clientInputEnded = true;
            if (!started) {
                client.close(); // nothing will come: no PROXY header, no session
                return;
            }
            closeWhenAnswered();
        }
        ctx.fireUserEventTriggered(event);
    }

    /**
     * After the client's half-close: once every command it sent has been answered and released, the session ends
     * as a server ends it when its client's input ends.
     */
    private void closeWhenAnswered() {
        if (!clientInputEnded
                || closing
                || !ready
                || !early.isEmpty()
                || serverHold.holding()
                || awaitingServer()
                || !release.idle()
                || !serverAtResponseStart()
                || !client.isActive()) {
            return;
        }
        closing = true;
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (link != null) {
            link.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.failed(cause);
        ctx.close();
    }

    /** Answers the client directly, in order after every server output already released. */
    void toClient(String text) {
        release.write(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII), null);
        client.flush();
    }

    /** Starts TLS towards the client after {@code answer}, which still goes out in plain text. */
    void startClientTls(String answer) {
        SslHandler tls = new SslHandler(context.serverTls().current().newEngine(client.alloc()), true);
        tls.setHandshakeTimeoutMillis(
                context.config().limits().tlsHandshakeTimeout().toMillis());
        client.pipeline().addBefore(client.pipeline().context(this).name(), "tls", tls);
        client.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII));
        clientTls = true;
        discardRestOfRead();
    }

    boolean clientIsLoopback() {
        return clientAddress != null
                && clientAddress.getAddress() != null
                && clientAddress.getAddress().isLoopbackAddress();
    }

    /** The proxy is stopping: a last BYE (or -ERR), then the session closes. Any thread. */
    void shutDown() {
        client.eventLoop().execute(() -> closeWith(unavailable("Server shutting down.")));
    }

    /** Closes the client after a last line. */
    void closeWith(String line) {
        if (closing) {
            return;
        }
        closing = true;
        logEnding(line);
        release.discard();
        if (client.isActive()) {
            client.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
        }
        if (link != null) {
            link.close();
        }
    }

    private void logEnding(String line) {
        log.endedByProxy(origin == null ? client.remoteAddress() : origin, line);
    }

    boolean started() {
        return started;
    }

    boolean closing() {
        return closing;
    }

    boolean greeted() {
        return greeted;
    }

    /** Ends a session that never reached the mail server: nothing to tell the client, the reason logged. */
    void closeSilently(String why) {
        logEnding(why);
        closing = true;
        client.close();
        if (link != null) {
            link.close();
        }
    }

    private void auditFailed(Throwable cause) {
        log.auditFailed(cause);
        closeWith(unavailable("Audit journal unavailable; nothing more is released."));
    }

    // ---- the upstream channel -----------------------------------------------------------------------------------

    private void connectUpstream() {
        link = new UpstreamLink(this, context);
        link.connect(client.eventLoop(), () -> {
            if (closing || !client.isActive()) {
                link.close(); // the client left while the server was being reached
                return;
            }
            upstream = link.channel();
            timers.upstreamConnected(client);
        });
    }

    /** Sends the upstream the STARTTLS (STLS) command; its answer is read by the proxy, not the client. */
    void startUpstreamTls() {
        link.startTls();
    }

    /** TLS with the upstream is up after STARTTLS (STLS): anything else to say to it first, then ready. */
    void upstreamSecured() {
        upstreamReady();
    }

    /** Sends the upstream an ID command of the proxy's own before the client may speak. */
    void identifyToUpstream(String tag, String command) {
        link.identify(tag, command);
    }

    /** Sends the upstream a command of the proxy's own and reads its answer ({@link UpstreamLink#exchange}). */
    void exchangeWithUpstream(String command, java.util.function.Function<String, Runnable> answer) {
        link.exchange(command, answer);
    }

    /** The upstream can take commands: the client may speak. */
    void upstreamReady() {
        ready = true;
        List<ByteBuf> waiting = new ArrayList<>(early);
        early.clear();
        waiting.forEach(this::clientBytes);
        updateReading();
    }

    void toServer(ByteBuf piece) {
        serverHold.write(upstream, piece);
    }

    /**
     * Client input stops reaching the server (and the client is not read) until {@link #releaseToServer}: a command
     * waits while the messages it touches are named.
     */
    void holdForServer() {
        serverHold.hold();
        updateReading();
    }

    /** Client input given to {@link #toServer} so far, counted in pieces. */
    long serverPosition() {
        return serverHold.position();
    }

    /** What is held for the server before {@code position} goes to it now; the rest stays held. */
    void releaseToServerBefore(long position) {
        if (!closing && upstream != null) {
            serverHold.releaseBefore(position, upstream);
        }
    }

    /** What was held for the server goes to it now, in order. Runs on the event loop. */
    void releaseToServer() {
        serverHold.release(closing ? null : upstream);
        updateReading();
    }

    void serverBytes(ByteBuf in) {
        timers.serverSpoke();
        if (link.negotiating()) {
            link.negotiate(in);
            return;
        }
        try {
            while (in.isReadable() && !closing) {
                long literal = serverLiteralLeft();
                if (literal > 0) {
                    serverPiece(in.readRetainedSlice((int) Math.min(in.readableBytes(), literal)), false);
                    continue;
                }
                int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                int end = lf < 0 ? in.writerIndex() : lf + 1;
                serverPiece(in.readRetainedSlice(end - in.readerIndex()), lf >= 0);
                if (link.negotiating() && in.isReadable()) {
                    link.negotiate(in.retain());
                    break;
                }
            }
            hold.endOfRead();
        } finally {
            in.release();
        }
        closeWhenAnswered();
    }

    private void serverPiece(ByteBuf piece, boolean endsLine) {
        if (hold.piece(piece, endsLine) && !greeted) {
            greeted = true;
            greetingSeen();
        }
    }

    void upstreamInactive() {
        upstreamClosed = true;
        if (!greeted && client.isActive()) {
            closeWith(unavailable("Mail server closed the connection, try again later."));
            return;
        }
        closeWhenDrained();
    }

    private void closeWhenDrained() {
        if (upstreamClosed && release.idle() && client.isActive() && !closing) {
            closing = true;
            String last = serverSaidGoodbye() ? "" : unavailable("Connection to the mail server was lost.");
            client.writeAndFlush(Unpooled.copiedBuffer(last, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    void updateReading() {
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable() && release.queuedBytes() < QUEUE_HIGH_WATER);
            client.config().setAutoRead(ready && upstream.isWritable() && !serverHold.holding());
        }
        closeWhenDrained();
        closeWhenAnswered();
    }

    private void end() {
        timers.cancel();
        if (hold != null) {
            hold.discard();
        }
        early.forEach(ByteBuf::release);
        early.clear();
        serverHold.release(null);
        input.release();
        if (release != null) {
            release.discard();
        }
        try {
            if (started) {
                sessionEnded();
            }
        } finally {
            events.flushDeferred(); // the outcomes of a session's last reads, and the LOST ones it just emitted
            context.sessions().ended(this);
            log.closed(
                    origin == null ? client.remoteAddress() : origin,
                    Duration.between(openedAt, context.clock().instant()),
                    events.accepted());
        }
    }
}
