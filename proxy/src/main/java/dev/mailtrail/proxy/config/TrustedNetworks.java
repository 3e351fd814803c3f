package dev.mailtrail.proxy.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hosts allowed to name the end user's address for a connection they relay: a webmail front end sending IMAP
 * {@code ID x-originating-ip}, a load balancer sending a PROXY protocol header, an MTA sending SMTP {@code XCLIENT
 * ADDR=}. Dovecot's {@code login_trusted_networks} has the same meaning. A list of CIDR networks, IPv4 and IPv6; an
 * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is matched as the IPv4 address it carries, on both sides.
 */
public final class TrustedNetworks {

    /** No host is trusted: every claimed address is ignored. */
    public static final TrustedNetworks NONE = new TrustedNetworks(List.of());

    // Literals only: a host name here would make trust depend on DNS answers.
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Network> networks;

    private TrustedNetworks(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * Reads {@code 127.0.0.1/32, 10.0.0.0/8, ::1, 2001:db8::/32} (a bare address is one host).
     *
     * @throws IllegalArgumentException naming the entry that is not a network
     */
    public static TrustedNetworks parse(String list) {
        List<Network> out = new ArrayList<>();
        for (String entry : list.split(",")) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                out.add(Network.parse(e));
            }
        }
        return new TrustedNetworks(out);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** True when {@code address} lies in one of the networks. */
    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = canonical(address.getAddress());
        return networks.stream().anyMatch(n -> n.contains(bytes));
    }

    /** True when the socket's address lies in one of the networks; an unresolved address never does. */
    public boolean contains(InetSocketAddress peer) {
        return peer != null && contains(peer.getAddress());
    }

    @Override
    public String toString() {
        return networks.isEmpty()
                ? "(none)"
                : String.join(", ", networks.stream().map(Network::toString).toList());
    }

    /** An IP address literal as an address, or null when {@code text} is none (never a DNS lookup). */
    public static InetAddress literal(String text) {
        if (text == null || !LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (a instanceof Inet4Address && text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null; // "10" or "1.2" are old shorthand forms nobody means here
            }
            return a;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** IPv4-mapped IPv6 bytes become the IPv4 address they carry. */
    private static byte[] canonical(byte[] b) {
        if (b.length == 16) {
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                return Arrays.copyOfRange(b, 12, 16);
            }
        }
        return b;
    }

    private record Network(byte[] base, int prefix, String text) {

        static Network parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = literal(host);
            if (address == null) {
                throw new IllegalArgumentException(
                        "not a network in CIDR form (such as 192.0.2.0/24 or" + " 2001:db8::/32): \"" + text + "\"");
            }
            byte[] raw = address.getAddress();
            byte[] bytes = canonical(raw);
            int bits = bytes.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = text.substring(slash + 1);
                if (!p.matches("\\d{1,3}")) {
                    throw new IllegalArgumentException("not a prefix length: \"" + text + "\"");
                }
                prefix = Integer.parseInt(p);
                if (host.contains(":") && bytes.length == 4) {
                    prefix -= 96; // ::ffff:10.0.0.0/104 is 10.0.0.0/8
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            "prefix length out of range 0.." + (host.contains(":") ? 128 : 32) + ": \"" + text + "\"");
                }
            }
            return new Network(bytes, prefix, text);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (base[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
