package dev.mailtrail.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Checks and finds TCP ports on a loopback address before a server is started on them. */
public final class LoopbackPort {
    private LoopbackPort() {}

    /**
     * Fails with a message naming the port, the address and what it was for when something already listens
     * there.
     *
     * @param purpose what the port is for, e.g. {@code "the proxy's IMAP listener (--imap-port)"}
     */
    public static void requireFree(String host, int port, String purpose) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address(host), port));
        } catch (IOException e) {
            throw new PortUnavailableException(host, port, purpose, e);
        }
    }

    /** A port that was free on {@code host} a moment ago (the kernel's choice). */
    public static int anyFree(String host) {
        try (ServerSocket probe = new ServerSocket(0, 1, address(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on " + host, e);
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + host, e);
        }
    }

    /** A port that cannot be listened on, named with what it was for. */
    public static final class PortUnavailableException extends IllegalStateException {
        private final int port;

        PortUnavailableException(String host, int port, String purpose, IOException cause) {
            super(
                    "port " + port + " on " + host + " is not available for " + purpose + ": " + cause.getMessage()
                            + " (is another mt demo or mail server running?)",
                    cause);
            this.port = port;
        }

        /** The port that was taken. */
        public int port() {
            return port;
        }
    }
}
