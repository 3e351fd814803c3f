package dev.mailtrail.app.serve;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.UpstreamConfig;
import java.net.InetSocketAddress;
import java.util.Locale;

/** What {@code mt serve} says when it is up: where clients connect, which server is behind, where records go. */
final class ServeBanner {

    private ServeBanner() {}

    static String text(ProxyConfig config, AuditingProxy proxy) {
        StringBuilder b = new StringBuilder("MailTrail proxy is up (")
                .append(config.mode().name().toLowerCase(Locale.ROOT))
                .append(" auditing).\n");
        for (ListenerConfig l : config.listeners()) {
            InetSocketAddress a = proxy.addresses().get(l.name());
            UpstreamConfig up = config.upstream(l.protocol());
            b.append(String.format(
                    Locale.ROOT,
                    "  %-12s %s %s:%d (TLS %s%s) -> %s:%d (TLS %s)%n",
                    l.name(),
                    l.protocol(),
                    a.getHostString(),
                    a.getPort(),
                    l.tls().name().toLowerCase(Locale.ROOT),
                    (l.proxyProtocol() ? ", PROXY protocol" : "")
                            + (l.trustedNetworks().isEmpty() ? "" : ", trusting " + l.trustedNetworks()),
                    up.host(),
                    up.port(),
                    up.tls().name().toLowerCase(Locale.ROOT)));
        }
        b.append("  data directory: ").append(proxy.dataDirectory()).append('\n');
        b.append("Stop with Ctrl-C or SIGTERM; open aggregation windows are flushed on the way out.");
        return b.toString();
    }
}
