package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.TrustedNetworks;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Postfix's XCLIENT (www.postfix.org/XCLIENT_README.html): the command a proxy uses to name the real client to the
 * server, and the address a trusted client names with it. IPv6 addresses carry the {@code IPV6:} prefix.
 */
final class Xclient {

    private Xclient() {}

    /** {@code XCLIENT ADDR=… PORT=…} naming {@code client}. */
    static String command(InetSocketAddress client) {
        String ip = SmtpRelay.ip(client);
        String addr = client.getAddress() instanceof Inet6Address ? "IPV6:" + ip : ip;
        return "XCLIENT ADDR=" + addr + " PORT=" + client.getPort() + "\r\n";
    }

    /** The ADDR= of an XCLIENT argument, an address literal; null when absent or unavailable. */
    static String address(String argument) {
        for (String attribute : argument.strip().split(" +")) {
            if (attribute.toUpperCase(Locale.ROOT).startsWith("ADDR=")) {
                String value = attribute.substring(5);
                value = value.toUpperCase(Locale.ROOT).startsWith("IPV6:") ? value.substring(5) : value;
                // [UNAVAILABLE], [TEMPUNAVAIL] or anything else that is no address literal names nobody
                return TrustedNetworks.literal(value) == null ? null : value;
            }
        }
        return null;
    }
}
