package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.record.AuditRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Records of every type MailTrail produces come back equal after writing and reading. */
class HandBuiltRecordRoundTripTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    static Stream<AuditRecord> records() {
        return Stream.of(
                SampleRecords.adminCmdlet(),
                SampleRecords.send(),
                SampleRecords.moveToDeletedItems(),
                SampleRecords.bind(),
                SampleRecords.sync(),
                SampleRecords.searchQueryInitiated());
    }

    @ParameterizedTest
    @MethodSource("records")
    void readingWhatWasWrittenGivesTheSameRecord(AuditRecord record) throws Exception {
        assertThat(reader.read(writer.toJson(record))).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void writingWhatWasReadGivesTheSameJson(AuditRecord record) throws Exception {
        String written = writer.toJson(record);

        assertThat(writer.toJson(reader.read(written))).isEqualTo(written);
    }

    @Test
    void aBindRecordListsEachFoldersItems() throws Exception {
        JsonNode bind = TREES.readTree(writer.toJson(SampleRecords.bind()));

        assertThat(bind.get("RecordType").isInt()).isTrue();
        assertThat(bind.get("OperationCount").intValue()).isEqualTo(3);
        assertThat(bind.at("/OperationProperties/0/Value").textValue()).isEqualTo("Bind");
        assertThat(bind.at("/Folders/0/Path").textValue()).isEqualTo("\\Inbox");
        assertThat(bind.at("/Folders/0/FolderItems/1"))
                .isEqualTo(TREES.readTree("{\"InternetMessageId\":\"<d@contoso.example>\"}"));
        assertThat(bind.at("/Folders/1/FolderItems/0/SizeInBytes").longValue()).isEqualTo(3_000_000_000L);
    }

    @Test
    void aSyncRecordNamesTheFolderWithoutItemsAndListsWhatWasSynced() throws Exception {
        JsonNode sync = TREES.readTree(writer.toJson(SampleRecords.sync()));

        assertThat(sync.at("/Folders/0").has("FolderItems")).isFalse();
        assertThat(sync.at("/Folders/0/Path").textValue()).isEqualTo("\\Finance\\2026");
        assertThat(sync.at("/MailTrailSyncedItems/0/Subject").textValue()).isEqualTo("Budget");
        assertThat(sync.at("/MailTrailSyncedItems")).hasSize(2);
    }

    @Test
    void anItemGroupRecordNamesSourceDestinationAndItems() throws Exception {
        JsonNode move = TREES.readTree(writer.toJson(SampleRecords.moveToDeletedItems()));

        assertThat(move.at("/Folder/Path").textValue()).isEqualTo("\\Inbox");
        assertThat(move.at("/DestFolder/Path").textValue()).isEqualTo("\\Deleted Items");
        assertThat(move.at("/AffectedItems/0/ParentFolder/Id").textValue()).isEqualTo("LgAAAAB2a0Inbox");
        assertThat(move.at("/AffectedItems/1"))
                .isEqualTo(
                        TREES.readTree("{\"Id\":\"RgAAAAB2a0Two\",\"InternetMessageId\":\"<two@contoso.example>\"}"));
        assertThat(move.get("CrossMailboxOperation").isBoolean()).isTrue();
    }

    @Test
    void aSearchRecordKeepsItsUnmodelledFieldsAfterTheModelledOnes() throws Exception {
        String written = writer.toJson(SampleRecords.searchQueryInitiated());

        assertThat(written)
                .endsWith("\"SessionId\":\"3f2e1d0c-b5a4-4938-8271-6c5d4e3f2a1b\",\"QueryText\":\"from:carol invoice\","
                        + "\"QuerySource\":\"OWA\",\"ScenarioName\":\"conversation\"}");
    }

    @Test
    void readsTheObservedSyncVariantOfTypeTwoWithAnItemsParentFolder() throws Exception {
        String observed = "{\"CreationTime\":\"2019-07-04T10:11:12\",\"Operation\":\"MailItemsAccessed\","
                + "\"RecordType\":2,\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Sync\"}],"
                + "\"Item\":{\"ParentFolder\":{\"Id\":\"LgAAAAB2a0Inbox\",\"Path\":\"\\\\Inbox\"}}}";

        AuditRecord record = reader.read(observed);

        assertThat(record.mailAccessType()).isEqualTo("Sync");
        assertThat(record.item().parentFolder()).isEqualTo(SampleRecords.INBOX);
        assertThat(record.extensions()).isEmpty();
        assertThat(TREES.readTree(writer.toJson(record))).isEqualTo(TREES.readTree(observed));
    }
}
