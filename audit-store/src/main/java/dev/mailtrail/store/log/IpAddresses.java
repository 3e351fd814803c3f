package dev.mailtrail.store.log;

/** Client addresses as compared: without a source port ({@code 203.0.113.5:51234}, {@code [2001:db8::1]:443}). */
public final class IpAddresses {
    private IpAddresses() {}

    public static String withoutPort(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close > 0 ? text.substring(1, close) : text;
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':')) {
            return text.substring(0, colon);
        }
        return text;
    }
}
