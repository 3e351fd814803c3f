package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigFileTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = """
            [upstream imap]
            host = 127.0.0.1
            port = 143

            [listener imap]
            protocol = imap
            port = 1143
            """;

    @Test
    void theExampleFileReadsWithEveryListener() throws Exception {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        for (String f : new String[] {"fullchain.pem", "key.pem", "internal-ca.pem"}) {
            Files.writeString(tls.resolve(f), "x");
        }
        String example =
                Files.readString(Path.of("../examples/mailtrail-proxy.conf")).replace("/etc/mailtrail/tls/", tls + "/");
        ProxyConfig config = ProxyConfigFile.parse(example, "mailtrail-proxy.conf", dir);
        assertThat(config.mode()).isEqualTo(AuditMode.STRICT);
        assertThat(config.listeners())
                .extracting(ListenerConfig::name)
                .containsExactly("imap", "imaps", "imaps-lb", "pop3", "pop3s", "submission", "submissions");
        ListenerConfig submission = config.listeners().get(5);
        assertThat(submission.protocol()).isEqualTo(MailProtocol.SUBMISSION);
        assertThat(submission.trustedNetworks().toString()).isEqualTo("10.0.5.20/32");
        assertThat(submission.localDomains()).containsExactly("example.com");
        assertThat(config.submissionUpstream().port()).isEqualTo(587);
        assertThat(config.listeners().get(2).proxyProtocol()).isTrue();
        assertThat(config.listeners().get(2).trustedNetworks().toString()).isEqualTo("10.0.0.2/32, 10.0.0.3/32");
        assertThat(config.listeners().get(0).trustedNetworks().isEmpty()).isTrue();
        assertThat(config.imapUpstream().tls()).isEqualTo(TlsMode.STARTTLS);
        assertThat(config.pop3Upstream().port()).isEqualTo(995);
        assertThat(config.audit().masterSeparator()).isEqualTo("*");
        assertThat(config.audit().downloadRule().episodeQuiet()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.limits().maxHeldBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(config.imapUpstream().lookup())
                .isEqualTo(new LookupAccount("mailtrail-lookup", "change-me", Duration.ofSeconds(2)));
        assertThat(config.journal()).isEqualTo(new JournalSettings(256L << 20, Duration.ofSeconds(60), 500_000L));
    }

    @Test
    void aLookupUserWithoutItsPasswordIsNamedWithItsLine() {
        String text = MINIMAL.replace("port = 143\n", "port = 143\nlookup-user = auditor\n");
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessage("proxy.conf:4: key \"lookup-user\": lookup-user and lookup-password go together in"
                        + " [upstream imap]");
    }

    @Test
    void withoutALookupUserNothingIsLookedUp() throws Exception {
        assertThat(ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir)
                        .imapUpstream()
                        .lookup())
                .isNull();
    }

    @Test
    void defaultsFillWhatAMinimalFileLeavesOut() throws Exception {
        ProxyConfig config = ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir);
        assertThat(config.mode()).isEqualTo(AuditMode.STRICT);
        assertThat(config.imapUpstream().verify()).isTrue();
        ListenerConfig l = config.listeners().getFirst();
        assertThat(l.plaintextAuth()).isEqualTo(PlaintextAuth.SECURE_ONLY);
        assertThat(l.address()).isEqualTo("0.0.0.0");
    }

    @Test
    void trustedNetworksAreReadAsACommaListOfCidrs() throws Exception {
        ProxyConfig config = ProxyConfigFile.parse(
                MINIMAL + "trusted-networks = 127.0.0.1/32, 10.0.0.0/8 ,2001:db8::/32\n", "proxy.conf", dir);
        TrustedNetworks t = config.listeners().getFirst().trustedNetworks();
        assertThat(t.contains(java.net.InetAddress.getByName("10.9.8.7"))).isTrue();
        assertThat(t.contains(java.net.InetAddress.getByName("2001:db8::1"))).isTrue();
        assertThat(t.contains(java.net.InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void aBadTrustedNetworkIsNamedWithItsLine() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(
                        MINIMAL + "trusted-networks = 127.0.0.1/32, 10.0.0.0/33\n", "proxy.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessage("proxy.conf:8: key \"trusted-networks\": prefix length out of range 0..32:"
                        + " \"10.0.0.0/33\"");
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "trusted-networks = webmail.example\n", "p.conf", dir))
                .hasMessageStartingWith("p.conf:8: key \"trusted-networks\": not a network in CIDR form");
    }

    @Test
    void aProxyProtocolListenerMustNameItsLoadBalancers() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "proxy-protocol = true\n", "proxy.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessageStartingWith("proxy.conf:5: key \"trusted-networks\": listener imap reads the PROXY"
                        + " protocol; name the load balancers");
    }

    @Test
    void aSubmissionListenerNeedsItsUpstream() {
        String text = MINIMAL + "\n[listener submission]\nprotocol = submission\nport = 1587\n";
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessageContaining("[upstream submission]");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "prot = imap\n", "proxy.conf", dir))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessage("proxy.conf:8: key \"prot\": unknown key in [listener]");
    }

    @Test
    void aBadValueIsNamedWithItsLineAndTheAllowedOnes() {
        String text = MINIMAL.replace("protocol = imap", "protocol = smtp");
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessage(
                        "proxy.conf:6: key \"protocol\": unknown value \"smtp\"; one of imap, pop3, submission, managesieve");
    }

    @Test
    void aMissingRequiredKeyIsNamedAtItsSection() {
        String text = MINIMAL.replace("host = 127.0.0.1\n", "");
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessage("proxy.conf:1: key \"host\": missing in [upstream]");
    }

    @Test
    void aMisspeltRequiredKeyIsNamedWhereItIsWritten() {
        String text = MINIMAL.replace("host = 127.0.0.1\n", "hots = 127.0.0.1\n");
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessageStartingWith(
                        "proxy.conf:2: key \"hots\": unknown key in [upstream]; did you mean \"host\"?");
    }

    @Test
    void aListeningAddressThatIsNoAddressIsNamedWithItsLine() {
        String text = MINIMAL.replace("protocol = imap\n", "protocol = imap\naddress = 127.0.0.300\n");
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessage("proxy.conf:7: key \"address\": not an IP address, nor a name this machine resolves:"
                        + " 127.0.0.300");
    }

    @Test
    void aTlsListenerWithoutCertificateIsRefused() {
        String text = MINIMAL + "tls = implicit\n";
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessage("proxy.conf:5: key \"tls\": listener imap offers TLS but there is no [tls] section");
    }

    @Test
    void aListenerWithoutItsUpstreamIsRefused() {
        String text = MINIMAL + "\n[listener pop3]\nprotocol = pop3\nport = 1110\n";
        assertThatThrownBy(() -> ProxyConfigFile.parse(text, "proxy.conf", dir))
                .hasMessageContaining("proxy.conf:9: key \"protocol\": listener pop3 speaks pop3 but there is no"
                        + " [upstream pop3] section");
    }

    @Test
    void aManageSieveListenerHasItsOwnUpstream() throws Exception {
        String sieve = """
                [upstream managesieve]
                host = 127.0.0.1
                port = 4190

                [listener sieve]
                protocol = managesieve
                port = 14190
                """;
        ProxyConfig config = ProxyConfigFile.parse(MINIMAL + sieve, "proxy.conf", dir);
        assertThat(config.listeners().get(1).protocol()).isEqualTo(MailProtocol.MANAGESIEVE);
        assertThat(config.upstream(MailProtocol.MANAGESIEVE).port()).isEqualTo(4190);
        assertThat(config.upstream(MailProtocol.IMAP).port()).isEqualTo(143);
        assertThat(config.internalDomains()).isEmpty();
        assertThat(ProxyConfigFile.parse(
                                "[audit]\ninternal-domains = Contoso.com, @contoso.onmicrosoft.com fabrikam.example\n"
                                        + MINIMAL,
                                "proxy.conf",
                                dir)
                        .internalDomains())
                .containsExactlyInAnyOrder("contoso.com", "contoso.onmicrosoft.com", "fabrikam.example");
        assertThatThrownBy(() -> ProxyConfigFile.parse(
                        MINIMAL + "[listener sieve]\nprotocol = managesieve\nport = 4190\n", "proxy.conf", dir))
                .hasMessageContaining("listener sieve speaks managesieve but there is no [upstream managesieve]");
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "[upstream smtp]\nhost = x\nport = 1\n", "p", dir))
                .hasMessageContaining("known: imap, pop3, submission, managesieve");
    }

    @Test
    void badDurationsSizesAndMissingFilesAreNamed() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "[download-rule]\ngap = soon\n", "proxy.conf", dir))
                .hasMessageStartingWith("proxy.conf:9: key \"gap\": expected a duration");
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "[limits]\nmax-line-length = 12\n", "proxy.conf", dir))
                .hasMessageStartingWith("proxy.conf:9: key \"max-line-length\": 12 is out of range");
        assertThatThrownBy(() -> ProxyConfigFile.parse(
                        MINIMAL + "[tls]\ncertificate = nowhere.pem\nkey = k.pem\n", "proxy.conf", dir))
                .hasMessage("proxy.conf:9: key \"certificate\": cannot read the file " + dir.resolve("nowhere.pem"));
    }

    @Test
    void connectionLimitsAndTimeoutsAreReadWithDefaults() throws Exception {
        ProxyLimits d = ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir).limits();
        assertThat(d.maxConnections()).isEqualTo(10_000);
        assertThat(d.maxConnectionsPerIp()).isEqualTo(50);
        assertThat(d.loginTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(d.tlsHandshakeTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(d.descriptorReserve()).isEqualTo(256);
        ProxyLimits l = ProxyConfigFile.parse(
                        MINIMAL + "[limits]\nmax-connections = 500\nmax-connections-per-ip = 10\nlogin-timeout = 30s\n"
                                + "tls-handshake-timeout = 5s\ndescriptor-reserve = 1000\n",
                        "proxy.conf",
                        dir)
                .limits();
        assertThat(l.maxConnections()).isEqualTo(500);
        assertThat(l.maxConnectionsPerIp()).isEqualTo(10);
        assertThat(l.loginTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(l.tlsHandshakeTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(l.descriptorReserve()).isEqualTo(1000);
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "[limits]\nmax-connections = 0\n", "proxy.conf", dir))
                .hasMessageStartingWith("proxy.conf:9: key \"max-connections\"");
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "[limits]\nlogin-timeout = 0s\n", "proxy.conf", dir))
                .hasMessageContaining("login-timeout");
    }

    @Test
    void aKeyGivenTwiceAndASectionGivenTwiceAreRefused() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(MINIMAL + "port = 1144\n", "proxy.conf", dir))
                .hasMessage("proxy.conf:8: key \"port\": given twice (first on line 7)");
        assertThatThrownBy(() -> ProxyConfigFile.parse(
                        MINIMAL + "[listener imap]\nprotocol = imap\nport = 1\n", "proxy.conf", dir))
                .hasMessage("proxy.conf:8: section [listener imap] given twice");
    }
}
