package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that cannot become a record is refused with a message naming the field and the problem. */
class AuditDataErrorMessagesTest {
    private final AuditDataReader reader = new AuditDataReader();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                        | AuditData: expected a JSON object, found an array",
                "\"text\"                                  | AuditData: expected a JSON object, found the text \"text\"",
                "42                                        | AuditData: expected a JSON object, found the number 42",
                "null                                      | AuditData: expected a JSON object, found null",
                "'   '                                     | AuditData: expected a JSON object, found nothing",
                "{\"RecordType\":1}                        | CreationTime: missing",
                "{\"CreationTime\":\"2026-03-02T09:14:07\"} | RecordType: missing",
                "{\"CreationTime\":1772442847,\"RecordType\":1} "
                        + "| CreationTime: expected a date and time as text, found the number 1772442847",
                "{\"CreationTime\":\"2026-02-30T09:14:07\",\"RecordType\":1} "
                        + "| CreationTime: expected yyyy-MM-ddTHH:mm:ss with optional fraction and zone, "
                        + "found the text \"2026-02-30T09:14:07\"",
                "{\"CreationTime\":\"3/2/2026 9:14:07 AM\",\"RecordType\":1} "
                        + "| CreationTime: expected yyyy-MM-ddTHH:mm:ss with optional fraction and zone, "
                        + "found the text \"3/2/2026 9:14:07 AM\"",
                "{\"CreationTime\":\"2026-03-02T09:14\",\"RecordType\":1} "
                        + "| CreationTime: expected yyyy-MM-ddTHH:mm:ss with optional fraction and zone, "
                        + "found the text \"2026-03-02T09:14\"",
                "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":\"Exchange\"} "
                        + "| RecordType: expected an integer, found the text \"Exchange\"",
                "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":2.5} "
                        + "| RecordType: expected an integer, found the number 2.5",
                "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":4294967296} "
                        + "| RecordType: expected an integer, found the number 4294967296",
                "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":null} "
                        + "| RecordType: expected an integer, found null"
            })
    void refusesWithAMessageNamingFieldAndProblem(String json, String message) {
        assertThatThrownBy(() -> reader.read(json))
                .isInstanceOf(AuditDataException.class)
                .hasMessage(message);
    }

    @Test
    void theExceptionNamesTheFieldForCallers() {
        assertThatThrownBy(() -> reader.read("{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":\"Exchange\"}"))
                .isInstanceOfSatisfying(AuditDataException.class, error -> assertThat(error.field())
                        .isEqualTo("RecordType"));
    }

    @Test
    void refusesADecimalWhoseExponentNoNumberHolds() {
        // found by fuzzing: a NumberFormatException escaped the reader
        assertThatThrownBy(() -> reader.read(
                        "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":2,\"X\":5e5555555555555555}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON: a number out of range: ");
    }

    @Test
    void refusesTextThatIsNotJsonSayingWhere() {
        assertThatThrownBy(() -> reader.read("{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":1,}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column 54: ");
    }

    @Test
    void refusesTwoObjectsOnOneLine() {
        assertThatThrownBy(() -> reader.read("{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":1} {}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column");
    }

    @Test
    void refusesAFieldGivenTwiceBecauseToolsWouldDisagreeOnItsValue() {
        assertThatThrownBy(
                        () -> reader.read(
                                "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":1,\"UserId\":\"a\",\"UserId\":\"b\"}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column")
                .hasMessageContaining("'UserId'");
    }

    @Test
    void quotesOnlyTheStartOfALongValue() {
        String longText = "x".repeat(500);

        assertThatThrownBy(() -> reader.read(JsonNodeFactory.instance.textNode(longText)))
                .hasMessage("AuditData: expected a JSON object, found the text \"" + "x".repeat(60)
                        + "…\" (500 characters)");
    }
}
