package dev.mailtrail.proxy.tls;

import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.proxy.config.UpstreamConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The proxy's two TLS sides: the server side from PEM files (TLS 1.2 and 1.3 only; the key must belong to the
 * certificate, and {@link ServerCertificate} builds it again when the files are renewed) and
 * the client side towards the mail server, which verifies the server's certificate and host name unless
 * verification was turned off.
 */
public final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final System.Logger LOG = System.getLogger(TlsContexts.class.getName());

    private TlsContexts() {}

    /** The listeners' context; a missing or unreadable file is named in the exception. */
    public static SslContext server(TlsFiles files) throws TlsSetupException {
        readable(files.certificateChain(), "certificate chain");
        readable(files.privateKey(), "private key");
        SslContext context;
        try {
            context = SslContextBuilder.forServer(
                            files.certificateChain().toFile(),
                            files.privateKey().toFile())
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException("cannot use certificate " + files.certificateChain() + " with key "
                    + files.privateKey() + " (a PEM chain and a PKCS#8 PEM key are needed): " + e.getMessage());
        }
        String mismatch = KeyFit.mismatch(files.certificateChain(), files.privateKey());
        if (mismatch != null) {
            throw new TlsSetupException(mismatch);
        }
        return context;
    }

    /** The context for connections to {@code upstream}; null when it speaks no TLS. */
    public static SslContext client(UpstreamConfig upstream) throws TlsSetupException {
        return client(upstream, SslContextBuilder.forClient());
    }

    /**
     * Blocking sockets to {@code upstream} with the same trust as {@link #client}, for the proxy's own lookup
     * connection; null when it speaks no TLS.
     */
    public static javax.net.ssl.SSLSocketFactory clientSockets(UpstreamConfig upstream) throws TlsSetupException {
        if (upstream.tls() == dev.mailtrail.proxy.config.TlsMode.NONE) {
            return null;
        }
        SslContext context =
                client(upstream, SslContextBuilder.forClient().sslProvider(io.netty.handler.ssl.SslProvider.JDK));
        return ((io.netty.handler.ssl.JdkSslContext) context).context().getSocketFactory();
    }

    private static SslContext client(UpstreamConfig upstream, SslContextBuilder forClient) throws TlsSetupException {
        SslContextBuilder builder = forClient.protocols(PROTOCOLS);
        if (!upstream.verify()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "TLS certificate verification of the mail server {0}:{1} is OFF: anyone on the path can read"
                            + " and change the mail and the passwords it carries",
                    upstream.host(),
                    String.valueOf(upstream.port()));
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (upstream.trustedCertificates() != null) {
            readable(upstream.trustedCertificates(), "trusted certificates");
            builder.trustManager(upstream.trustedCertificates().toFile());
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new TlsSetupException(
                    "cannot use trusted certificates " + upstream.trustedCertificates() + ": " + e.getMessage());
        }
    }

    /** A handler for one connection to the mail server, checking its host name when verification is on. */
    public static SslHandler clientHandler(SslContext context, UpstreamConfig upstream, ByteBufAllocator alloc) {
        SslHandler handler = context.newHandler(alloc, upstream.host(), upstream.port());
        if (upstream.verify()) {
            SSLEngine engine = handler.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        return handler;
    }

    private static void readable(Path file, String what) throws TlsSetupException {
        if (!Files.isReadable(file)) {
            throw new TlsSetupException("cannot read the " + what + " file " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new TlsSetupException("the " + what + " file " + file + " is empty");
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
    }
}
