package dev.mailtrail.proxy.config;

/**
 * The {@code [api]} section: where {@code mt serve} serves MailTrail's HTTPS API (the certificate is the one of
 * {@code [tls]}). Only the application reads it; the proxy itself ignores it.
 *
 * @param address the IP address or local name to listen on (default 127.0.0.1: the API is for administrators)
 * @param port the TCP port (default 8443)
 */
public record ApiListenerConfig(String address, int port) {
    public static final int DEFAULT_PORT = 8443;
}
