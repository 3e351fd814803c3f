package dev.mailtrail.proxy.net;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.UpstreamConfig;
import dev.mailtrail.proxy.session.AuditEventSink;
import dev.mailtrail.proxy.session.DownloadActivity;
import dev.mailtrail.proxy.session.EndUserAddresses;
import dev.mailtrail.proxy.session.MessageIdentityResolver;
import dev.mailtrail.proxy.tls.ServerCertificate;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;

/**
 * What every connection of one listener shares: its configuration, the TLS contexts of both sides (null where no
 * TLS is spoken; the server side's renewed when its files change), the event sink, the Bind/Sync rule's memory and the message identity cache.
 */
record RelayContext(
        ProxyConfig config,
        ListenerConfig listener,
        ServerCertificate serverTls,
        SslContext upstreamTls,
        AuditEventSink sink,
        InFlight inFlight,
        Clock clock,
        DownloadActivity activity,
        MessageIdentityResolver identities,
        Sessions sessions,
        EndUserAddresses endUsers) {

    UpstreamConfig upstream() {
        return config.upstream(listener.protocol());
    }
}
