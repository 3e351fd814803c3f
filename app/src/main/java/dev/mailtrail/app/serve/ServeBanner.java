package dev.mailtrail.app.serve;

import dev.mailtrail.proxy.config.ListenerConfig;
import dev.mailtrail.proxy.config.ProxyConfig;
import dev.mailtrail.proxy.config.UpstreamConfig;
import java.net.InetSocketAddress;
import java.util.Locale;

/** What {@code mt serve} says when it is up: where clients connect, which server is behind, where records go. */
final class ServeBanner {

    private ServeBanner() {}

    /** Whether items the server's responses do not name are looked up, and what is lost when they are not. */
    static String naming(ProxyConfig config) {
        UpstreamConfig imap = config.imapUpstream();
        if (imap == null) {
            return "  items: POP3 only; a deleted message that was never read is named by its number only";
        }
        if (imap.lookup() == null) {
            return "  items: no lookup-user in [upstream imap]: deletes, moves and reads of a body part alone are"
                    + " recorded by UID, without InternetMessageId, Subject or size (docs/proxy-configuration.md)";
        }
        return "  items: named by lookups as " + imap.lookup().user() + " (waiting at most "
                + imap.lookup().timeout().toMillis() + " ms; then recorded by UID, identity unknown)";
    }

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
        if (config.cluster() != null) {
            b.append("  cluster: journal on Kafka ")
                    .append(String.join(",", config.cluster().bootstrapServers()))
                    .append(" topic ")
                    .append(config.cluster().topic())
                    .append(", records in ")
                    .append(config.cluster().search())
                    .append(" (")
                    .append(config.cluster().indexPrefix())
                    .append("-*), ")
                    .append(config.cluster().cores())
                    .append(" audit core consumer(s) in group ")
                    .append(config.cluster().group())
                    .append('\n');
        }
        b.append(naming(config)).append('\n');
        b.append("Stop with Ctrl-C or SIGTERM; open aggregation windows are flushed on the way out.");
        return b.toString();
    }
}
