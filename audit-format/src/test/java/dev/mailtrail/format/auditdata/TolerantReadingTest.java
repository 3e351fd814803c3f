package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.record.AuditRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What MailTrail does not model, or finds in another JSON type, is kept as written and written back. */
class TolerantReadingTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String HEAD = "{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":2,";

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    @Test
    void externalAccessGivenAsTextIsKeptAsText() throws Exception {
        AuditRecord record = roundTrip(HEAD + "\"ExternalAccess\":\"False\"}");

        assertThat(record.externalAccess()).isNull();
        assertThat(record.extensions()).containsExactly(entry("ExternalAccess", "False"));
    }

    @Test
    void userTypeGivenAsTextIsKeptAsText() throws Exception {
        AuditRecord record = roundTrip(HEAD + "\"UserType\":\"Regular\",\"Version\":1}");

        assertThat(record.userType()).isNull();
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.extensions()).containsExactly(entry("UserType", "Regular"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"LogonType\":1.0",
                "\"OperationCount\":4294967296",
                "\"ClientIP\":null",
                "\"CrossMailboxOperation\":\"True\"",
                "\"Parameters\":{\"Name\":\"Identity\"}",
                "\"Parameters\":[\"@{Name=Identity; Value=x}\"]",
                "\"AffectedItems\":[{\"Id\":\"RgAA\"},\"RgAB\"]",
                "\"Folder\":\"\\\\Inbox\"",
                "\"Folders\":[{\"Path\":\"\\\\Inbox\",\"FolderItems\":[{\"SizeInBytes\":12}]}]"
            })
    void aModelledFieldThatCannotHaveItsShapeIsKeptWhole(String member) throws Exception {
        String json = HEAD + member + "}";

        AuditRecord record = roundTrip(json);

        String name = member.substring(1, member.indexOf('"', 1));
        assertThat(record.extensions()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"Parameters\":[{\"Name\":\"Identity\",\"Value\":null}]",
                "\"Parameters\":[{\"Name\":\"Force\",\"Value\":true}]",
                "\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\",\"Type\":\"String\"}]",
                "\"Item\":{\"Id\":\"RgAA\",\"ImmutableId\":\"LgAA\"}",
                "\"Item\":{\"Id\":\"RgAA\",\"SizeInBytes\":\"1024\"}",
                "\"Item\":{\"ParentFolder\":{\"Path\":\"\\\\Inbox\",\"MemberUpn\":\"alice@contoso.example\"}}",
                "\"Item\":{\"Id\":\"RgAA\",\"ParentFolder\":\"\\\\Inbox\"}",
                "\"Folders\":[{\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\",\"FolderItems\":[]}]",
                "\"Folders\":[{\"Id\":\"LgAA\",\"FolderItems\":\"System.Object[]\"}]",
                "\"MailTrailSyncedItems\":[{\"InternetMessageId\":\"<a@b>\",\"Id\":null}]"
            })
    void aMemberOfAnotherTypeOrUnknownInsideANestedFieldCostsNothingElse(String member) throws Exception {
        String json = HEAD + member + "}";

        AuditRecord record = roundTrip(json);

        assertThat(record.extensions()).isEmpty();
    }

    @Test
    void unknownFieldsBecomePlainJavaInTheirOrder() throws Exception {
        AuditRecord record = roundTrip(HEAD
                + "\"Zone\":\"EU\",\"Count\":7,\"Big\":3000000000,\"Huge\":123456789012345678901234567890,"
                + "\"Ratio\":1.50,\"Flag\":false,\"Nothing\":null,"
                + "\"List\":[1,\"a\",[]],\"Object\":{\"b\":{\"c\":[true]},\"a\":\"x\"}}");

        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", Map.of("c", List.of(true)));
        object.put("a", "x");
        assertThat(record.extensions())
                .containsExactly(
                        entry("Zone", "EU"),
                        entry("Count", 7),
                        entry("Big", 3_000_000_000L),
                        entry("Huge", new BigInteger("123456789012345678901234567890")),
                        entry("Ratio", new BigDecimal("1.50")),
                        entry("Flag", false),
                        entry("Nothing", null),
                        entry("List", Arrays.asList(1, "a", List.of())),
                        entry("Object", object));
        assertThat(record.extensions().get("Object")).isInstanceOf(LinkedHashMap.class);
        assertThat(record.extensions().get("Object").toString()).isEqualTo("{b={c=[true]}, a=x}");
    }

    @Test
    void anUnmodelledDecimalIsWrittenBackAsItWasSpelled() throws Exception {
        String json = HEAD + "\"Ratio\":1.50,\"Tiny\":1.0E-7}";

        assertThat(writer.toJson(reader.read(json))).contains("\"Ratio\":1.50,").contains("\"Tiny\":1.0E-7");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-02T09:14:07.1234567Z, 2026-03-02T09:14:07.123456700Z",
        "2026-03-02T09:14:07Z, 2026-03-02T09:14:07Z",
        "2026-03-02T11:14:07+02:00, 2026-03-02T09:14:07Z",
        "2026-03-02T09:14:07.5, 2026-03-02T09:14:07.500Z",
        "2026-03-02T09:14:07.000, 2026-03-02T09:14:07Z"
    })
    void aCreationTimeWithFractionOrZoneReadsAsItsInstantAndWritesBackAsWritten(String text, Instant instant)
            throws Exception {
        AuditRecord record = roundTrip("{\"CreationTime\":\"" + text + "\",\"RecordType\":1}");

        assertThat(record.creationTime()).isEqualTo(instant);
        assertThat(record.extensions()).containsExactly(entry("CreationTime", text));
        assertThat(writer.toJson(record)).startsWith("{\"CreationTime\":\"" + text + "\",");
    }

    @Test
    void aCreationTimeInExchangesSpellingNeedsNoExtension() throws Exception {
        AuditRecord record = roundTrip("{\"CreationTime\":\"2026-03-02T09:14:07\",\"RecordType\":1}");

        assertThat(record.creationTime()).isEqualTo(Instant.parse("2026-03-02T09:14:07Z"));
        assertThat(record.extensions()).isEmpty();
    }

    @Test
    void readsAnAlreadyParsedTree() throws Exception {
        AuditRecord record = reader.read(TREES.readTree(HEAD + "\"UserId\":\"bob@contoso.example\"}"));

        assertThat(record.userId()).isEqualTo("bob@contoso.example");
        assertThat(record.recordType()).isEqualTo(2);
    }

    /** Reads the JSON, checks that writing gives back the same tree, and returns what was read. */
    private AuditRecord roundTrip(String json) throws Exception {
        AuditRecord record = reader.read(json);
        assertThat(TREES.readTree(writer.toJson(record))).isEqualTo(TREES.readTree(json));
        return record;
    }
}
