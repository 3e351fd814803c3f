package dev.mailtrail.proxy.config;

import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the proxy needs to run: its listeners, its certificate (needed when a listener offers TLS), the
 * server behind it for each protocol, the audit mode, how to read the server (master-user separator, shared
 * namespace, the Bind/Sync rule), the per-connection bounds, and the domains besides each mailbox's own whose
 * addresses are not external (lower-case: an inbox rule forwarding there is not flagged), and where the stores'
 * signed digests go ({@code [anchors]}; null: none unless the command line names them), and how much journal the
 * data directory keeps ({@code [journal]}), or the Kafka brokers and search cluster the journal and records are on
 * instead ({@code [cluster]}; null: the data directory's). Read from a file by
 * {@link ProxyConfigFile}; built in code with {@link #of} and the {@code with…} methods.
 */
public record ProxyConfig(
        List<ListenerConfig> listeners,
        TlsFiles tls,
        UpstreamConfig imapUpstream,
        UpstreamConfig pop3Upstream,
        AuditMode mode,
        ImapAuditConfig audit,
        ProxyLimits limits,
        UpstreamConfig submissionUpstream,
        UpstreamConfig manageSieveUpstream,
        Set<String> internalDomains,
        AnchorFiles anchors,
        ApiListenerConfig api,
        JournalSettings journal,
        ClusterConfig cluster) {

    public ProxyConfig {
        listeners = List.copyOf(listeners);
        internalDomains = internalDomains == null ? Set.of() : Set.copyOf(internalDomains);
        journal = journal == null ? JournalSettings.DEFAULTS : journal;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(limits, "limits");
        for (ListenerConfig l : listeners) {
            if (l.tls() != TlsMode.NONE && tls == null) {
                throw new IllegalArgumentException("listener " + l.name() + " offers TLS but no certificate is set");
            }
            if (upstream(l.protocol(), imapUpstream, pop3Upstream, submissionUpstream, manageSieveUpstream) == null) {
                throw new IllegalArgumentException("listener " + l.name() + " speaks " + l.protocol() + " but no "
                        + l.protocol() + " upstream is set");
            }
        }
    }

    /**
     * A strict proxy with the default audit settings, bounds and journal, no internal domains, no {@code [anchors]}
     * and no {@code [api]}: {@code listeners} in front of {@code upstreams}, one server per protocol spoken (the
     * listeners are checked against them here, so all go in at once).
     *
     * @param tls the certificate, or null when no listener offers TLS
     */
    public static ProxyConfig of(
            List<ListenerConfig> listeners, TlsFiles tls, Map<MailProtocol, UpstreamConfig> upstreams) {
        return new ProxyConfig(
                listeners,
                tls,
                upstreams.get(MailProtocol.IMAP),
                upstreams.get(MailProtocol.POP3),
                AuditMode.STRICT,
                ImapAuditConfig.DEFAULTS,
                ProxyLimits.DEFAULTS,
                upstreams.get(MailProtocol.SUBMISSION),
                upstreams.get(MailProtocol.MANAGESIEVE),
                Set.of(),
                null,
                null,
                JournalSettings.DEFAULTS,
                null);
    }

    public ProxyConfig withMode(AuditMode m) {
        return new ProxyConfig(
                listeners,
                tls,
                imapUpstream,
                pop3Upstream,
                m,
                audit,
                limits,
                submissionUpstream,
                manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                journal,
                cluster);
    }

    public ProxyConfig withAudit(ImapAuditConfig a) {
        return new ProxyConfig(
                listeners,
                tls,
                imapUpstream,
                pop3Upstream,
                mode,
                a,
                limits,
                submissionUpstream,
                manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                journal,
                cluster);
    }

    public ProxyConfig withLimits(ProxyLimits l) {
        return new ProxyConfig(
                listeners,
                tls,
                imapUpstream,
                pop3Upstream,
                mode,
                audit,
                l,
                submissionUpstream,
                manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                journal,
                cluster);
    }

    public ProxyConfig withJournal(JournalSettings j) {
        return new ProxyConfig(
                listeners,
                tls,
                imapUpstream,
                pop3Upstream,
                mode,
                audit,
                limits,
                submissionUpstream,
                manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                j,
                cluster);
    }

    /** The same on the cluster {@code c} describes (null: the embedded journal and stores). */
    public ProxyConfig withCluster(ClusterConfig c) {
        return new ProxyConfig(
                listeners,
                tls,
                imapUpstream,
                pop3Upstream,
                mode,
                audit,
                limits,
                submissionUpstream,
                manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                journal,
                c);
    }

    /** The same with {@code server} behind listeners of {@code protocol} (null: none). */
    public ProxyConfig withUpstream(MailProtocol protocol, UpstreamConfig server) {
        return new ProxyConfig(
                listeners,
                tls,
                protocol == MailProtocol.IMAP ? server : imapUpstream,
                protocol == MailProtocol.POP3 ? server : pop3Upstream,
                mode,
                audit,
                limits,
                protocol == MailProtocol.SUBMISSION ? server : submissionUpstream,
                protocol == MailProtocol.MANAGESIEVE ? server : manageSieveUpstream,
                internalDomains,
                anchors,
                api,
                journal,
                cluster);
    }

    /** The server behind listeners of {@code protocol}. */
    public UpstreamConfig upstream(MailProtocol protocol) {
        return upstream(protocol, imapUpstream, pop3Upstream, submissionUpstream, manageSieveUpstream);
    }

    private static UpstreamConfig upstream(
            MailProtocol protocol,
            UpstreamConfig imap,
            UpstreamConfig pop3,
            UpstreamConfig submission,
            UpstreamConfig manageSieve) {
        return switch (protocol) {
            case IMAP -> imap;
            case POP3 -> pop3;
            case SUBMISSION -> submission;
            case MANAGESIEVE -> manageSieve;
        };
    }
}
