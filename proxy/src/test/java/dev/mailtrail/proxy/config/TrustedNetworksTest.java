package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {

    private static boolean in(String networks, String address) throws Exception {
        return TrustedNetworks.parse(networks).contains(InetAddress.getByName(address));
    }

    @Test
    void ipv4NetworksMatchByPrefix() throws Exception {
        assertThat(in("127.0.0.1/32", "127.0.0.1")).isTrue();
        assertThat(in("127.0.0.1/32", "127.0.0.2")).isFalse();
        assertThat(in("10.0.0.0/8", "10.255.1.2")).isTrue();
        assertThat(in("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(in("192.168.4.0/22", "192.168.7.255")).isTrue();
        assertThat(in("192.168.4.0/22", "192.168.8.0")).isFalse();
        assertThat(in("0.0.0.0/0", "203.0.113.9")).isTrue();
        assertThat(in("192.0.2.7", "192.0.2.7"))
                .as("a bare address is one host")
                .isTrue();
    }

    @Test
    void ipv6NetworksMatchByPrefix() throws Exception {
        assertThat(in("::1/128", "::1")).isTrue();
        assertThat(in("::1", "::2")).isFalse();
        assertThat(in("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
        assertThat(in("2001:db8::/33", "2001:db8:8000::1")).isFalse();
        assertThat(in("fe80::/10", "febf::1")).isTrue();
        assertThat(in("2001:db8::/32", "10.0.0.1")).isFalse();
        assertThat(in("10.0.0.0/8", "2001:db8::1")).isFalse();
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4AddressItCarries() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 9;
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(TrustedNetworks.parse("10.0.0.0/8").contains(v6)).isTrue();
        assertThat(in("::ffff:10.0.0.0/104", "10.1.2.3")).isTrue();
        assertThat(in("::ffff:10.0.0.0/104", "11.1.2.3")).isFalse();
        assertThat(in("::ffff:127.0.0.1", "127.0.0.1")).isTrue();
    }

    @Test
    void noNetworksTrustNoOne() throws Exception {
        assertThat(TrustedNetworks.NONE.isEmpty()).isTrue();
        assertThat(TrustedNetworks.parse(" ").isEmpty()).isTrue();
        assertThat(TrustedNetworks.NONE.contains(InetAddress.getByName("127.0.0.1")))
                .isFalse();
        assertThat(TrustedNetworks.parse("127.0.0.0/8").contains(InetSocketAddress.createUnresolved("localhost", 1)))
                .isFalse();
    }

    @Test
    void whatIsNotANetworkIsRefusedByName() {
        assertThatThrownBy(() -> TrustedNetworks.parse("127.0.0.1/32, localhost"))
                .hasMessage("not a network in CIDR form (such as 192.0.2.0/24 or 2001:db8::/32): \"localhost\"");
        assertThatThrownBy(() -> TrustedNetworks.parse("10.0.0.0/33")).hasMessageContaining("out of range 0..32");
        assertThatThrownBy(() -> TrustedNetworks.parse("::/129")).hasMessageContaining("out of range 0..128");
        assertThatThrownBy(() -> TrustedNetworks.parse("10.0.0.0/x")).hasMessageContaining("not a prefix length");
        assertThatThrownBy(() -> TrustedNetworks.parse("10.1")).hasMessageContaining("not a network");
        assertThatThrownBy(() -> TrustedNetworks.parse("300.1.1.1/8")).hasMessageContaining("not a network");
    }

    @Test
    void literalReadsOnlyAddressesNeverNames() {
        assertThat(TrustedNetworks.literal("203.0.113.9")).isNotNull();
        assertThat(TrustedNetworks.literal("2001:db8::9")).isNotNull();
        assertThat(TrustedNetworks.literal("example.org")).isNull();
        assertThat(TrustedNetworks.literal("")).isNull();
        assertThat(TrustedNetworks.literal(null)).isNull();
    }
}
