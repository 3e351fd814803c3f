package dev.mailtrail.proxy.net;

/** The proxy could not start: a listener could not be bound or a TLS file could not be used, named in the message. */
public final class ProxyStartException extends Exception {
    public ProxyStartException(String message) {
        super(message);
    }
}
