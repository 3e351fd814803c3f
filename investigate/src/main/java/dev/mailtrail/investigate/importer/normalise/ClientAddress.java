package dev.mailtrail.investigate.importer.normalise;

/**
 * A client IP address as investigations compare and show it: without the source port some exports append
 * ({@code 203.0.113.5:51234}, {@code [2001:db8::1]:443}). A bare IPv6 address is left as it is, since its last
 * group cannot be told from a port.
 */
public final class ClientAddress {
    private ClientAddress() {}

    /** The address without its port; the text unchanged when it has none or is not an address with a port. */
    public static String withoutPort(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.charAt(0) == '[') {
            return bracketed(text);
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            // No colon: nothing to strip. Several: a bare IPv6 address, whose last group is no port.
            return text;
        }
        return isIpv4(text, colon) && isPort(text, colon + 1) ? text.substring(0, colon) : text;
    }

    /**
     * The address as investigations compare it: without its port, lower case, an IPv6 address in its shortest form
     * (RFC 5952: {@code 2001:0db8:0011:0000::1} is {@code 2001:db8:11::1}) and an IPv4-mapped one as IPv4, since
     * exports of one tenant write the same client both ways. Text that is no address is only stripped and lowered.
     */
    public static String canonical(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String address = withoutPort(text.strip()).toLowerCase(java.util.Locale.ROOT);
        return isIpv6Literal(address) ? shortestIpv6(address) : address;
    }

    private static boolean isIpv6Literal(String text) {
        if (text.indexOf(':') < 0 || text.length() > 45) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String shortestIpv6(String text) {
        byte[] bytes;
        try {
            // A literal of hex digits, colons and dots is parsed, never looked up.
            bytes = java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            return text;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static String bracketed(String text) {
        int close = text.indexOf(']');
        if (close < 0) {
            return text;
        }
        if (close == text.length() - 1) {
            return text.substring(1, close);
        }
        return text.charAt(close + 1) == ':' && isPort(text, close + 2) ? text.substring(1, close) : text;
    }

    private static boolean isPort(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65_535;
    }

    private static boolean isIpv4(String text, int end) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (digits == 0) {
                    return false;
                }
                dots++;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}
