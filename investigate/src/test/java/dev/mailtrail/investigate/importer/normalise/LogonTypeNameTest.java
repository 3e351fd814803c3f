package dev.mailtrail.investigate.importer.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogonTypeNameTest {

    @ParameterizedTest
    @CsvSource({
        "Owner, 0",
        "Admin, 1",
        "Delegate, 2",
        "Delegated, 2",
        "delegatedadmin, 6",
        "SystemService, 4",
        "0, 0",
        "' 2 ', 2"
    })
    void namesAndNumbersAreExchangesNumbers(String text, int number) {
        assertThat(LogonTypeName.parse(text)).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"Someone", "-1", "''", "1234"})
    void anythingElseIsNoLogonType(String text) {
        assertThat(LogonTypeName.parse(text)).isNull();
    }
}
