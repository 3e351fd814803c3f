package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.TlsMode;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.lookup.LookupIdentityResolver;
import dev.mailtrail.proxy.session.AuditEventSink;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.EndUserAddresses;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.session.RememberingIdentityResolver;
import dev.mailtrail.proxy.tls.ServerCertificate;
import dev.mailtrail.proxy.tls.TlsContexts;
import dev.mailtrail.proxy.tls.TlsSetupException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The running auditing proxy: one Netty server channel per configured listener, each client connection relayed to
 * the mail server of its protocol and audited on the way. {@link #start} binds every listener or fails naming the
 * one that could not be bound; {@link #close} stops accepting, closes every session (each auditor emits what it
 * still held) and waits until every event submitted has been acknowledged.
 */
public final class ProxyServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Map<String, Channel> bound = new LinkedHashMap<>();
    private final Sessions sessions = new Sessions();
    private final InFlight inFlight = new InFlight();
    private boolean closed;
    private volatile DescriptorWatch descriptors;
    private final Map<String, ConnectionGate> gates = new LinkedHashMap<>();
    private final Map<String, MailProtocol> protocols = new LinkedHashMap<>();
    private MessageIdentityResolver identities;
    private static final int IDENTITY_CACHE = 100_000;

    private ProxyServer() {
        this.acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    }

    /** Starts the proxy with the system clock. */
    public static ProxyServer start(ProxyConfig config, AuditEventSink sink) throws ProxyStartException {
        return start(config, sink, Clock.systemUTC());
    }

    /** Starts the proxy; every listener is bound when this returns. */
    public static ProxyServer start(ProxyConfig config, AuditEventSink sink, Clock clock) throws ProxyStartException {
        ServerCertificate serverTls = null;
        Map<MailProtocol, SslContext> upstreamTls = new LinkedHashMap<>();
        try {
            if (config.tls() != null) {
                serverTls = ServerCertificate.load(config.tls());
            }
            for (MailProtocol p : MailProtocol.values()) {
                UpstreamConfig up = config.upstream(p);
                if (up != null && up.tls() != TlsMode.NONE) {
                    upstreamTls.put(p, TlsContexts.client(up));
                }
            }
        } catch (TlsSetupException e) {
            throw new ProxyStartException(e.getMessage());
        }
        ProxyServer server = new ProxyServer();
        DownloadActivity activity = new DownloadActivity(config.audit().downloadRule(), 100_000);
        MessageIdentityResolver identities;
        try {
            identities = identities(config.upstream(MailProtocol.IMAP));
        } catch (TlsSetupException e) {
            server.close();
            throw new ProxyStartException(e.getMessage());
        }
        server.identities = identities;
        EndUserAddresses endUsers = new EndUserAddresses(100_000, Duration.ofMinutes(5));
        for (ListenerConfig listener : config.listeners()) {
            RelayContext context = new RelayContext(
                    config,
                    listener,
                    serverTls,
                    upstreamTls.get(listener.protocol()),
                    sink,
                    server.inFlight,
                    clock,
                    activity,
                    identities,
                    server.sessions,
                    endUsers);
            try {
                server.bind(context);
            } catch (Exception e) { // Netty's sync() throws the bind's checked exception undeclared
                server.close();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new ProxyStartException("cannot listen on " + listener.address() + ":" + listener.port()
                        + " ([listener " + listener.name() + "]): " + why(e));
            }
        }
        server.descriptors = DescriptorWatch.start(
                server.acceptors, server.bound.values(), config.limits().descriptorReserve());
        return server;
    }

    /**
     * With a lookup account on the IMAP server, messages are named from the server; without, only from what
     * responses carried (docs/proxy-configuration.md, "Naming every item").
     */
    private static MessageIdentityResolver identities(UpstreamConfig imap) throws TlsSetupException {
        if (imap == null || imap.lookup() == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "no lookup-user in [upstream imap]: deletes, moves and reads of a body part alone are recorded by"
                            + " UID, without InternetMessageId, Subject or size");
            return new RememberingIdentityResolver(IDENTITY_CACHE);
        }
        LOG.log(
                System.Logger.Level.INFO,
                "messages are named by lookups on " + imap.host() + ":" + imap.port() + " as "
                        + imap.lookup().user());
        return new LookupIdentityResolver(imap, TlsContexts.clientSockets(imap), IDENTITY_CACHE);
    }

    /** What went wrong in words: Java's own text, which is null for an address that does not resolve. */
    private static String why(Exception e) {
        if (e instanceof java.nio.channels.UnresolvedAddressException) {
            return "the address does not resolve";
        }
        if (e instanceof java.net.BindException
                && e.getMessage() != null
                && e.getMessage().contains("in use")) {
            return "the port is in use by another program";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void bind(RelayContext context) throws InterruptedException {
        ListenerConfig listener = context.listener();
        var limits = context.config().limits();
        ConnectionGate gate =
                new ConnectionGate(listener, limits.maxConnections(), limits.maxConnectionsPerIp(), context.clock());
        long handshakeMillis = limits.tlsHandshakeTimeout().toMillis();
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        DescriptorWatch watch = descriptors;
                        String refused = watch != null && !watch.admit() ? "descriptors" : gate.admit(ch);
                        if (refused != null) {
                            if (listener.tls() == TlsMode.IMPLICIT && !listener.proxyProtocol()) {
                                SslHandler tls = context.serverTls().current().newHandler(ch.alloc());
                                tls.setHandshakeTimeoutMillis(handshakeMillis);
                                ch.pipeline().addLast("tls", tls);
                            }
                            ch.pipeline().addLast("refusal", new Refusal(ConnectionGate.tooMany(listener.protocol())));
                            return;
                        }
                        if (listener.proxyProtocol()) {
                            ch.pipeline().addLast("proxy-protocol", new HAProxyMessageDecoder());
                            ch.pipeline()
                                    .addLast(
                                            "proxy-protocol-reader",
                                            new ProxyProtocolReader(listener.trustedNetworks()));
                        }
                        if (listener.tls() == TlsMode.IMPLICIT) {
                            SslHandler tls = context.serverTls().current().newHandler(ch.alloc());
                            tls.setHandshakeTimeoutMillis(handshakeMillis);
                            ch.pipeline().addLast("tls", tls);
                        }
                        ch.pipeline()
                                .addLast(
                                        "relay",
                                        switch (listener.protocol()) {
                                            case IMAP -> new ImapRelay(context);
                                            case POP3 -> new Pop3Relay(context);
                                            case SUBMISSION -> new SmtpRelay(context);
                                            case MANAGESIEVE -> new ManageSieveRelay(context);
                                        });
                    }
                });
        Channel channel = b.bind(listener.address(), listener.port()).sync().channel();
        bound.put(listener.name(), channel);
        gates.put(listener.name(), gate);
        protocols.put(listener.name(), listener.protocol());
        LOG.log(
                System.Logger.Level.INFO,
                "listening for " + listener.protocol() + " on " + channel.localAddress() + " (" + listener.name()
                        + ", TLS " + listener.tls() + (listener.proxyProtocol() ? ", PROXY protocol" : "")
                        + (listener.trustedNetworks().isEmpty()
                                ? ""
                                : ", trusting " + listener.trustedNetworks() + " to name the client")
                        + ")");
    }

    /** The address a listener is bound to (its port chosen by the system when configured as 0). */
    public InetSocketAddress address(String listenerName) {
        Channel c = bound.get(listenerName);
        if (c == null) {
            throw new IllegalArgumentException("no listener named " + listenerName);
        }
        return (InetSocketAddress) c.localAddress();
    }

    /** Every listener's bound address, by name, in configuration order. */
    public Map<String, InetSocketAddress> addresses() {
        Map<String, InetSocketAddress> out = new LinkedHashMap<>();
        bound.forEach((name, c) -> out.put(name, (InetSocketAddress) c.localAddress()));
        return Collections.unmodifiableMap(out);
    }

    /** Client connections open now. */
    public int openSessions() {
        return sessions.size();
    }

    /** Client connections one listener holds now (refused ones not counted). */
    public int connections(String listenerName) {
        ConnectionGate g = gates.get(listenerName);
        if (g == null) {
            throw new IllegalArgumentException("no listener named " + listenerName);
        }
        return g.open();
    }

    /** Client connections open now, by protocol (every protocol listened for, 0 included). */
    public Map<MailProtocol, Integer> connectionsByProtocol() {
        Map<MailProtocol, Integer> out = new java.util.EnumMap<>(MailProtocol.class);
        protocols.forEach(
                (name, protocol) -> out.merge(protocol, gates.get(name).open(), Integer::sum));
        return out;
    }

    /** Message identities the proxy's cache answered, and those it did not (then looked up or left unnamed). */
    public long identityCacheHits() {
        return identities == null ? 0 : identities.cacheHits();
    }

    public long identityCacheMisses() {
        return identities == null ? 0 : identities.cacheMisses();
    }

    /** Whether accepting is paused now because descriptors ran short. */
    public boolean acceptingPaused() {
        return descriptors != null && descriptors.paused();
    }

    /** Events whose acknowledgement failed since start (each was logged with what it was). */
    public long failedEvents() {
        return inFlight.failed();
    }

    /**
     * Stops accepting, closes every session (their held decisions are emitted) and waits up to 30 seconds for every
     * event to be acknowledged. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (descriptors != null) {
            descriptors.close();
        }
        bound.values().forEach(c -> c.close().awaitUninterruptibly());
        try {
            if (!sessions.closeAll(Duration.ofSeconds(10))) {
                LOG.log(System.Logger.Level.ERROR, "sessions still open 10 s after they were closed at shutdown");
            }
            if (!inFlight.await(Duration.ofSeconds(30))) {
                LOG.log(System.Logger.Level.ERROR, "audit events still not durable after 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (identities instanceof LookupIdentityResolver lookup) {
            lookup.close();
        }
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
