package dev.mailtrail.investigate.importer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.5:51234, 203.0.113.5",
        "203.0.113.5, 203.0.113.5",
        "'[2001:db8::1]:443', 2001:db8::1",
        "'[2001:db8::1]', 2001:db8::1",
        "2001:db8::1, 2001:db8::1",
        "'::ffff:203.0.113.5', '::ffff:203.0.113.5'",
        "'[::ffff:203.0.113.5]:50122', '::ffff:203.0.113.5'",
        "2001:db8::1:443, 2001:db8::1:443",
        "203.0.113.5:99999, 203.0.113.5:99999",
        "host.example:443, host.example:443",
        "'', ''"
    })
    void anIpIsComparedAndShownWithoutItsPort(String exported, String compared) {
        assertThat(ClientAddress.withoutPort(exported)).isEqualTo(compared);
    }

    @ParameterizedTest
    @CsvSource({
        "2001:0DB8:0011:2233:4455:6677:8899:AABB, 2001:db8:11:2233:4455:6677:8899:aabb",
        "'[2001:0db8:0000:0000:0000:0000:0000:0001]:443', 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "'::ffff:203.0.113.5', 203.0.113.5",
        "203.0.113.5:51234, 203.0.113.5",
        "Host.Example, host.example"
    })
    void anAddressIsComparedInItsShortestForm(String exported, String compared) {
        assertThat(ClientAddress.canonical(exported)).isEqualTo(compared);
    }
}
