package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.proxy.imap.session.ImapAuditConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    private static final List<ListenerConfig> IMAP_ONLY =
            List.of(ListenerConfig.loopback("imap", MailProtocol.IMAP, 0, TlsMode.NONE));

    @Test
    void aConfigInCodeIsStrictWithTheDefaultsAndOnlyTheServersGiven() {
        UpstreamConfig imap = UpstreamConfig.plain("127.0.0.1", 143);
        ProxyConfig config = ProxyConfig.of(IMAP_ONLY, null, Map.of(MailProtocol.IMAP, imap));
        assertThat(config.mode()).isEqualTo(AuditMode.STRICT);
        assertThat(config.audit()).isEqualTo(ImapAuditConfig.DEFAULTS);
        assertThat(config.limits()).isEqualTo(ProxyLimits.DEFAULTS);
        assertThat(config.upstream(MailProtocol.IMAP)).isEqualTo(imap);
        assertThat(config.pop3Upstream()).isNull();
        assertThat(config.submissionUpstream()).isNull();
        assertThat(config.manageSieveUpstream()).isNull();
        assertThat(config.internalDomains()).isEmpty();
        assertThat(config.anchors()).isNull();
        assertThat(config.api()).isNull();
    }

    @Test
    void eachWithChangesItsOwnPartOnly() {
        ProxyConfig base =
                ProxyConfig.of(IMAP_ONLY, null, Map.of(MailProtocol.IMAP, UpstreamConfig.plain("127.0.0.1", 143)));
        UpstreamConfig other = UpstreamConfig.plain("127.0.0.1", 1143);
        ProxyLimits limits = ProxyLimits.DEFAULTS.withConnections(7, 3);
        ProxyConfig changed = base.withMode(AuditMode.ASYNC)
                .withLimits(limits)
                .withUpstream(MailProtocol.IMAP, other)
                .withUpstream(MailProtocol.POP3, other);
        assertThat(changed.mode()).isEqualTo(AuditMode.ASYNC);
        assertThat(changed.limits()).isEqualTo(limits);
        assertThat(changed.imapUpstream()).isEqualTo(other);
        assertThat(changed.pop3Upstream()).isEqualTo(other);
        assertThat(changed.audit()).isEqualTo(base.audit());
        assertThat(changed.listeners()).isEqualTo(base.listeners());
    }

    @Test
    void aListenerWithoutItsServerIsRefused() {
        assertThatThrownBy(() -> ProxyConfig.of(
                        IMAP_ONLY, null, Map.of(MailProtocol.POP3, UpstreamConfig.plain("127.0.0.1", 110))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listener imap speaks IMAP but no IMAP upstream is set");
        ProxyConfig config =
                ProxyConfig.of(IMAP_ONLY, null, Map.of(MailProtocol.IMAP, UpstreamConfig.plain("127.0.0.1", 143)));
        assertThatThrownBy(() -> config.withUpstream(MailProtocol.IMAP, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
