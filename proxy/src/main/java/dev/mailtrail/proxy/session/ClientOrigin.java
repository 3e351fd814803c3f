package dev.mailtrail.proxy.session;

import dev.mailtrail.core.text.LogText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The end user's address on one connection: the peer's own, until a trusted peer (a webmail front end, an MTA)
 * names the user it relays for — IMAP {@code ID x-originating-ip}/{@code x-originating-port}, SMTP {@code XCLIENT
 * ADDR=}/{@code PORT=}. A claim from a peer outside {@code trusted-networks} is ignored and logged in one line, as
 * Dovecot ignores it outside {@code login_trusted_networks}: otherwise anyone could choose the ClientIPAddress of
 * their own records. One connection, one caller.
 */
public final class ClientOrigin {

    private static final System.Logger LOG = System.getLogger(ClientOrigin.class.getName());
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_LOGGED = 64;

    private final String protocol;
    private final String sessionId;
    private final String peerIp;
    private final boolean peerTrusted;
    private String ip;
    private int port;

    /**
     * @param protocol as logs name it: {@code IMAP}, {@code SMTP}
     * @param peer the host speaking the protocol with the proxy (after a PROXY header, the host it names)
     * @param peerTrusted whether {@code peer} lies in the listener's trusted networks
     */
    public ClientOrigin(String protocol, String sessionId, InetSocketAddress peer, boolean peerTrusted) {
        this.protocol = protocol;
        this.sessionId = sessionId;
        this.peerIp = peer.getAddress() == null
                ? peer.getHostString()
                : peer.getAddress().getHostAddress();
        this.peerTrusted = peerTrusted;
        this.ip = peerIp;
        this.port = peer.getPort();
    }

    /** The end user's address, as the records' ClientIPAddress carries it. */
    public String ip() {
        return ip;
    }

    /** The end user's port; 0 when a trusted peer named the address but not the port. */
    public int port() {
        return port;
    }

    /** The host speaking to the proxy, whatever it claimed. */
    public String peerIp() {
        return peerIp;
    }

    public boolean peerTrusted() {
        return peerTrusted;
    }

    /** {@code 203.0.113.9:51234}, for log lines. */
    @Override
    public String toString() {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + (port > 0 ? ":" + port : "");
    }

    /**
     * The peer names the end user. Taken when the peer is trusted and {@code claimedIp} is an IP address (a port
     * that is not a port is dropped); otherwise ignored with one warning line saying who claimed what.
     *
     * @param via where the claim came from, for the log: {@code ID x-originating-ip}, {@code XCLIENT ADDR}
     * @param claimedIp the address claimed; null when only a port is named
     * @param claimedPort the port claimed, or null
     * @return whether the end user's address is now the claimed one
     */
    public boolean claim(String via, String claimedIp, String claimedPort) {
        if (!peerTrusted) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "session {0}: {1} {2} \"{3}\" from {4} ignored: the peer is not in trusted-networks",
                    sessionId,
                    protocol,
                    via,
                    escape(claimedIp == null ? "port " + claimedPort : claimedIp),
                    peerIp);
            return false;
        }
        InetAddress address = claimedIp == null ? null : literal(claimedIp);
        if (claimedIp != null && address == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "session {0}: {1} {2} \"{3}\" from {4} ignored: not an IP address",
                    sessionId,
                    protocol,
                    via,
                    escape(claimedIp),
                    peerIp);
            return false;
        }
        if (address != null) {
            ip = address.getHostAddress();
            port = 0;
        }
        port = portOf(claimedPort, port);
        LOG.log(
                System.Logger.Level.INFO,
                "session {0}: {1} client {2} named by trusted peer {3} ({4})",
                sessionId,
                protocol,
                toString(),
                peerIp,
                via);
        return true;
    }

    private static int portOf(String text, int fallback) {
        if (text == null || !text.matches("\\d{1,5}")) {
            return fallback;
        }
        int p = Integer.parseInt(text);
        return p >= 1 && p <= 65535 ? p : fallback;
    }

    /** An address literal, never a DNS lookup; SMTP XCLIENT's {@code IPV6:} prefix is allowed. */
    private static InetAddress literal(String claimed) {
        String text = claimed.regionMatches(true, 0, "IPV6:", 0, 5) ? claimed.substring(5) : claimed;
        if (!LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A claimed value as one printable, bounded piece of a log line: CR, LF, ESC and the like cannot forge lines. */
    static String escape(String value) {
        return LogText.escape(value, MAX_LOGGED, true);
    }
}
