package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.MailProtocol;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many client connections one listener holds, in all and from one address: a connection over either bound is
 * refused with the protocol's own "too many connections" reply before any upstream connection is made, so a flood
 * of idle connections cannot take every file descriptor the stores need. The per-address bound counts the socket's
 * peer; behind the PROXY protocol that is the load balancer, so there only the listener's bound applies.
 * Refusals are logged once per {@link #LOG_EVERY}, with their count, never once each.
 */
final class ConnectionGate {

    private static final System.Logger LOG = System.getLogger(ConnectionGate.class.getName());
    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final ListenerConfig listener;
    private final int max;
    private final int perIp;
    private final Clock clock;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private volatile Instant lastLog = Instant.MIN;

    ConnectionGate(ListenerConfig listener, int max, int perIp, Clock clock) {
        this.listener = listener;
        this.max = max;
        this.perIp = perIp;
        this.clock = clock;
    }

    /**
     * Counts the connection in, or says why not (null: admitted). An admitted connection is counted out when it
     * closes.
     */
    String admit(Channel ch) {
        InetAddress address = listener.proxyProtocol() ? null : address(ch);
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return refused("the listener holds " + max + " connections");
        }
        if (address != null) {
            int n = byAddress.merge(address, 1, Integer::sum);
            if (n > perIp) {
                byAddress.computeIfPresent(address, (a, c) -> c <= 1 ? null : c - 1);
                open.decrementAndGet();
                return refused(address.getHostAddress() + " holds " + perIp + " connections");
            }
        }
        ch.closeFuture().addListener(f -> {
            open.decrementAndGet();
            if (address != null) {
                byAddress.computeIfPresent(address, (a, c) -> c <= 1 ? null : c - 1);
            }
        });
        return null;
    }

    /** Connections held now. */
    int open() {
        return open.get();
    }

    private String refused(String why) {
        long n = refusedSinceLog.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastLog;
        if (last == Instant.MIN || !now.isBefore(last.plus(LOG_EVERY))) {
            lastLog = now;
            refusedSinceLog.addAndGet(-n);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "[listener {0}] refused {1} connection(s) since the last such line: {2}",
                    listener.name(),
                    String.valueOf(n),
                    why);
        }
        return why;
    }

    private static InetAddress address(Channel ch) {
        return ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    /** The protocol's own "too many connections" reply, the last line a refused client reads. */
    static String tooMany(MailProtocol protocol) {
        String text = "Too many connections, try again later.";
        return switch (protocol) {
            case IMAP -> "* BYE [UNAVAILABLE] " + text + "\r\n";
            case POP3 -> "-ERR [SYS/TEMP] " + text + "\r\n";
            case SUBMISSION -> "421 4.7.0 " + text + "\r\n";
            case MANAGESIEVE -> "BYE (TRYLATER) \"" + text + "\"\r\n";
        };
    }
}
