package dev.mailtrail.proxy.config;

import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the proxy needs to run: its listeners, its certificate (needed when a listener offers TLS), the
 * server behind it for each protocol, the audit mode, how to read the server (master-user separator, shared
 * namespace, the Bind/Sync rule), the per-connection bounds, and the domains besides each mailbox's own whose
 * addresses are not external (lower-case: an inbox rule forwarding there is not flagged), and where the stores'
 * signed digests go ({@code [anchors]}; null: none unless the command line names them). Read from a file by
 * {@link ProxyConfigFile}.
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
        ApiListenerConfig api) {

    /** A proxy without the HTTPS API (no {@code [api]} section). */
    public ProxyConfig(
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
            AnchorFiles anchors) {
        this(
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
                null);
    }

    /** A proxy whose commits write no digests unless the command line asks (no {@code [anchors]} section). */
    public ProxyConfig(
            List<ListenerConfig> listeners,
            TlsFiles tls,
            UpstreamConfig imapUpstream,
            UpstreamConfig pop3Upstream,
            AuditMode mode,
            ImapAuditConfig audit,
            ProxyLimits limits,
            UpstreamConfig submissionUpstream,
            UpstreamConfig manageSieveUpstream,
            Set<String> internalDomains) {
        this(
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
                null);
    }

    /** A proxy without a submission or ManageSieve server. */
    public ProxyConfig(
            List<ListenerConfig> listeners,
            TlsFiles tls,
            UpstreamConfig imapUpstream,
            UpstreamConfig pop3Upstream,
            AuditMode mode,
            ImapAuditConfig audit,
            ProxyLimits limits) {
        this(listeners, tls, imapUpstream, pop3Upstream, mode, audit, limits, null);
    }

    /** A proxy without a ManageSieve server. */
    public ProxyConfig(
            List<ListenerConfig> listeners,
            TlsFiles tls,
            UpstreamConfig imapUpstream,
            UpstreamConfig pop3Upstream,
            AuditMode mode,
            ImapAuditConfig audit,
            ProxyLimits limits,
            UpstreamConfig submissionUpstream) {
        this(listeners, tls, imapUpstream, pop3Upstream, mode, audit, limits, submissionUpstream, null, Set.of());
    }

    public ProxyConfig {
        listeners = List.copyOf(listeners);
        internalDomains = internalDomains == null ? Set.of() : Set.copyOf(internalDomains);
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
