package dev.mailtrail.app.api;

import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.tls.TlsSetupException;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTPS listener (Jetty 12, decision 0025): HTTP/1.1 over TLS only, the routes behind {@link ApiHandler}, the
 * certificate renewed as the proxy's is. Endpoints may block; Jetty's pool runs each request on its own thread.
 */
public final class ApiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private ApiServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening on {@code bind} (port 0: any free port).
     *
     * @throws ApiStartException naming the address or the certificate that could not be used
     */
    public static ApiServer start(InetSocketAddress bind, TlsFiles tlsFiles, ApiRoutes routes, Authentication auth)
            throws ApiStartException {
        ApiTls tls;
        try {
            tls = new ApiTls(tlsFiles);
        } catch (TlsSetupException e) {
            throw new ApiStartException(e.getMessage(), e);
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("mailtrail-api");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // a certificate for localhost or an IP address is normal for an admin API reached by address
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslConnectionFactory ssl = new SslConnectionFactory(tls.factory(), "http/1.1") {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                tls.refresh();
                return super.newConnection(connector, endPoint);
            }
        };
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost(bind.getAddress().getHostAddress());
        connector.setPort(bind.getPort());
        server.addConnector(connector);
        server.setHandler(new ApiHandler(routes, auth));
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what the user needs to see
            }
            throw new ApiStartException(
                    "cannot listen on " + bind.getAddress().getHostAddress() + ":" + bind.getPort() + " for the API: "
                            + (e instanceof IOException && e.getCause() != null
                                    ? e.getCause().getMessage()
                                    : e.getMessage()),
                    e);
        }
        return new ApiServer(server, connector);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** {@code https://HOST:PORT} as a client would type it. */
    public String url(String host) {
        return "https://" + host + ":" + connector.getLocalPort();
    }

    /** Stops accepting and ends open requests (five seconds at most). Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the API server: " + e.getMessage(), e);
        }
    }
}
