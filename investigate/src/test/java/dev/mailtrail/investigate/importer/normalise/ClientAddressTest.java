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
}
