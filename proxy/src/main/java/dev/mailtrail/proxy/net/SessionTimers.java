package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.UpstreamConfig;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The clocks of one session: the PROXY header and the login must come in time, the server must greet and answer in
 * time, and every second the protocol may let held decisions out. Time comes from the context's clock; the timers run
 * on the connection's event loop.
 */
final class SessionTimers {

    private static final System.Logger LOG = System.getLogger(SessionTimers.class.getName());

    private final ProtocolRelay relay;
    private final RelayContext context;
    private Instant lastServerOutput;
    private Instant lastClientInput;
    private ScheduledFuture<?> everySecond;
    private ScheduledFuture<?> login;

    SessionTimers(ProtocolRelay relay, RelayContext context) {
        this.relay = relay;
        this.context = context;
    }

    /** The client connected: the login timeout runs, and on a PROXY-protocol listener the header's. */
    void connectionOpened(Channel client) {
        long loginMillis = context.config().limits().loginTimeout().toMillis();
        login = client.eventLoop().schedule(this::loginLate, loginMillis, TimeUnit.MILLISECONDS);
        if (context.listener().proxyProtocol()) {
            long wait = context.upstream().connectTimeout().toMillis();
            client.eventLoop().schedule(() -> proxyHeaderLate(client), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** The mail server is connected: its greeting and its answers are timed from now. */
    void upstreamConnected(Channel client) {
        lastServerOutput = context.clock().instant();
        everySecond = client.eventLoop().scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
    }

    void serverSpoke() {
        lastServerOutput = context.clock().instant();
    }

    void clientSpoke() {
        lastClientInput = context.clock().instant();
    }

    /** The session is over. */
    void cancel() {
        if (everySecond != null) {
            everySecond.cancel(false);
        }
        if (login != null) {
            login.cancel(false);
        }
    }

    private void proxyHeaderLate(Channel client) {
        if (!relay.started()) {
            LOG.log(System.Logger.Level.WARNING, "no PROXY protocol header from " + client.remoteAddress());
            client.close();
        }
    }

    /** The login timeout: a connection that has not logged in by now is closed, upstream and all. */
    private void loginLate() {
        if (relay.closing() || !relay.client.isActive() || relay.loggedIn()) {
            return;
        }
        if (!relay.started() || relay.upstream == null) {
            relay.closeSilently("no login within the login timeout");
            return;
        }
        relay.closeWith(relay.inactivity());
    }

    private void everySecond() {
        if (relay.closing()) {
            return;
        }
        relay.tick();
        UpstreamConfig up = context.upstream();
        Instant now = context.clock().instant();
        if (!relay.greeted() && lastServerOutput.plus(up.connectTimeout()).isBefore(now)) {
            relay.closeWith(relay.unavailable("Mail server did not greet in time, try again later."));
        } else if (relay.awaitingServer()
                && lastServerOutput.plus(up.responseTimeout()).isBefore(now)
                && (lastClientInput == null
                        || lastClientInput.plus(up.responseTimeout()).isBefore(now))) {
            relay.closeWith(relay.unavailable("Mail server did not answer in time."));
        }
    }
}
