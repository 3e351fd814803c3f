package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mailtrail.core.record.AuditRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text streamed into a record gives the very record its parsed tree gives, types of numbers included. */
class StreamedReadingTest {
    private static final ObjectReader TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build()
            .reader();
    private static final String HEAD = "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":2,";

    private final AuditDataReader reader = new AuditDataReader();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"Id\":\"a\",\"Operation\":\"MailItemsAccessed\",\"UserType\":0,\"ExternalAccess\":false}",
                "\"LogonType\":1.0,\"Version\":\"1\",\"ClientIP\":null,\"ExternalAccess\":\"False\"}",
                "\"OperationCount\":4294967296,\"Extra\":12345678901234567890123,\"Ratio\":1.50,\"E\":1e3}",
                "\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}],"
                        + "\"Folders\":[{\"FolderItems\":[{\"InternetMessageId\":\"<a@b>\",\"SizeInBytes\":2048}],"
                        + "\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\"}]}",
                "\"Folders\":[{\"FolderItems\":[],\"Id\":\"LgAA\"}],\"Item\":{\"Id\":\"RgAA\",\"SizeInBytes\":\"1\"}}",
                "\"Item\":{\"Id\":\"RgAA\",\"SizeInBytes\":9223372036854775808,"
                        + "\"ParentFolder\":{\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\"}}}",
                "\"AffectedItems\":[{\"Id\":\"RgAA\"},\"RgAB\"],\"Deep\":{\"a\":[1,[2,{\"b\":null}],true]}}",
                "\"Folders\":[{\"FolderItems\":[{\"Subject\":\"x\"}],\"Id\":\"a\"}],\"Folder\":{}}",
                "\"Item\":{\"ParentFolder\":null},\"Parameters\":[],\"DestFolder\":{\"Id\":1}}",
                "\"MailTrailSyncedItems\":[{\"Id\":\"RgAA\",\"SizeInBytes\":1.5}],\"Folder\":{\"Id\":\"LgAA\"}}",
                "\"@odata.type\":\"#Microsoft.Exchange\",\"CreationTime\":\"2026-03-02T09:14:07.0000000Z\"}"
            })
    void streamsTheRecordItsTreeGives(String members) throws Exception {
        String json = members.contains("\"CreationTime\"") ? "{\"RecordType\":2," + members : HEAD + members;

        AuditRecord streamed = reader.read(json);

        assertThat(streamed).isEqualTo(reader.read(TREES.readTree(json)));
        assertThat(streamed.extensions())
                .isEqualTo(reader.read(TREES.readTree(json)).extensions());
    }

    @Test
    void keepsNumbersAsTheTreeHoldsThem() throws Exception {
        AuditRecord record = reader.read(HEAD + "\"A\":1,\"B\":4294967296,\"C\":12345678901234567890123,\"D\":1.50}");

        assertThat(record.extensions())
                .isEqualTo(Map.of(
                        "A",
                        1,
                        "B",
                        4294967296L,
                        "C",
                        new BigInteger("12345678901234567890123"),
                        "D",
                        new BigDecimal("1.50")));
        assertThat(((BigDecimal) record.extensions().get("D")).scale()).isEqualTo(2);
    }

    @Test
    void refusesAMemberGivenTwiceInsideAnUnmodelledValue() {
        assertThatThrownBy(() -> reader.read(HEAD + "\"Extra\":[{\"a\":1,\"a\":2}]}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column")
                .hasMessageContaining("'a'");
    }

    @Test
    void refusesAMemberGivenTwiceInsideANestedField() {
        assertThatThrownBy(() -> reader.read(HEAD + "\"OperationProperties\":[{\"Name\":\"a\",\"Name\":\"b\"}]}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column")
                .hasMessageContaining("'Name'");
    }

    @Test
    void keepsTheUnmodelledMembersOfANestedFieldBesideTheModelledOnes() throws Exception {
        AuditRecord record = reader.read(HEAD + "\"Folder\":{\"Id\":\"LgAA\",\"Size\":3}}");

        assertThat(record.folder().id()).isEqualTo("LgAA");
        assertThat(record.folder().extensions()).isEqualTo(Map.of("Size", 3));
        assertThat(record.extensions()).isEmpty();
    }

    @Test
    void refusesAnUnmodelledFieldGivenTwice() {
        assertThatThrownBy(() -> reader.read(HEAD + "\"Extra\":1,\"Extra\":1}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column")
                .hasMessageContaining("'Extra'");
    }

    @Test
    void textThatIsNotJsonIsReportedBeforeAFieldItRefuses() {
        assertThatThrownBy(() -> reader.read("{\"CreationTime\":1,\"RecordType\":2,}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessageStartingWith("AuditData: invalid JSON at column");
        assertThatThrownBy(() -> reader.read("{\"CreationTime\":1}"))
                .isInstanceOf(AuditDataException.class)
                .hasMessage("RecordType: missing");
    }

    @Test
    void readsFoldersIntoTheModel() throws Exception {
        AuditRecord record = reader.read(HEAD
                + "\"Folders\":[{\"FolderItems\":[{\"InternetMessageId\":\"<a@b>\",\"SizeInBytes\":2048}],"
                + "\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\"}]}");

        assertThat(record.extensions()).isEmpty();
        assertThat(record.folders()).hasSize(1);
        assertThat(record.folders().getFirst().folderItems()).hasSize(1);
        assertThat(record.folders().getFirst().folderItems().getFirst().sizeInBytes())
                .isEqualTo(2048L);
        assertThat(List.of(record.folders().getFirst().path())).containsExactly("\\Inbox");
    }
}
