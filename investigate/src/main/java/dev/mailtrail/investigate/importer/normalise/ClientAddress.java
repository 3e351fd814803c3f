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
