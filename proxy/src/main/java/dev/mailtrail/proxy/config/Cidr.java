package dev.mailtrail.proxy.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is one host). */
public record Cidr(InetAddress network, int prefix) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.getAddress().length * 8) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
    }

    /** Parses {@code address[/prefix]}; only literal addresses, never a name to resolve. */
    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix length: " + t.substring(slash + 1));
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length out of range 0.." + bits + ": " + prefix);
        }
        return new Cidr(network, prefix);
    }

    /** Whether {@code address} lies in this network (an IPv4 address is never in an IPv6 network, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
