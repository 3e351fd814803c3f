package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real records carry members the Management Activity API schema does not document ({@code Sensitivity},
 * {@code ImmutableId}, {@code ClientRequestId} on a read item, {@code Attachments} on a deleted one): each is kept
 * beside the members MailTrail reads, and costs none of them.
 */
class UnknownNestedMembersTest {
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final String HEAD = "{\"CreationTime\":\"2026-03-04T21:40:02\",\"RecordType\":50,";

    private final AuditDataReader reader = new AuditDataReader();
    private final AuditDataWriter writer = new AuditDataWriter();

    @Test
    void folderItemsWithUnmodelledMembersAreStillRead() throws Exception {
        String json = HEAD + "\"Operation\":\"MailItemsAccessed\",\"Folders\":[{\"FolderItems\":["
                + "{\"ClientRequestId\":\"a1b2\",\"ImmutableId\":\"LgAB\",\"InternetMessageId\":\"<inv-0042@f.com>\","
                + "\"Sensitivity\":\"Normal\",\"SizeInBytes\":\"48213\",\"Subject\":\"Invoice 0042\"},"
                + "{\"InternetMessageId\":\"<inv-0043@f.com>\",\"Sensitivity\":\"Confidential\",\"SizeInBytes\":51200},"
                + "{\"InternetMessageId\":\"<wire-0001@f.com>\",\"IsRecord\":false}],"
                + "\"Id\":\"LgAAAQ\",\"Path\":\"\\\\Finance\",\"FolderClass\":\"IPF.Note\"}],\"OperationCount\":3}";

        AuditRecord record = roundTrip(json);

        assertThat(record.extensions()).isEmpty();
        assertThat(record.folders()).singleElement().satisfies(folder -> {
            assertThat(folder.path()).isEqualTo("\\Finance");
            assertThat(folder.extensions()).containsExactly(Map.entry("FolderClass", "IPF.Note"));
            assertThat(folder.folderItems())
                    .extracting(ItemRef::internetMessageId)
                    .containsExactly("<inv-0042@f.com>", "<inv-0043@f.com>", "<wire-0001@f.com>");
        });
        ItemRef first = record.folders().getFirst().folderItems().getFirst();
        assertThat(first.subject()).isEqualTo("Invoice 0042");
        // Text where Exchange writes a number: kept as written, for the importer to type.
        assertThat(first.sizeInBytes()).isNull();
        assertThat(first.extensions())
                .containsOnlyKeys("ClientRequestId", "ImmutableId", "Sensitivity", "SizeInBytes")
                .containsEntry("SizeInBytes", "48213");
        assertThat(record.folders().getFirst().folderItems().get(1).sizeInBytes())
                .isEqualTo(51200L);
    }

    @Test
    void affectedItemsWithAttachmentsAreStillRead() throws Exception {
        String json = HEAD + "\"Operation\":\"MoveToDeletedItems\",\"AffectedItems\":["
                + "{\"Attachments\":\"remittance.pdf (81234b)\",\"Id\":\"RgAA\",\"ImmutableId\":\"LgAD\","
                + "\"InternetMessageId\":\"<reply-1@f.com>\",\"ParentFolder\":{\"Id\":\"LgAA\",\"Path\":\"\\\\Inbox\","
                + "\"MemberRights\":\"ReadAny\"},\"Subject\":\"RE: Invoice 0042\"},"
                + "{\"Attachments\":\"\",\"Id\":\"RgAB\",\"Subject\":\"RE: Bank details\"}]}";

        AuditRecord record = roundTrip(json);

        assertThat(record.extensions()).isEmpty();
        assertThat(record.affectedItems())
                .extracting(RecordItem::subject)
                .containsExactly("RE: Invoice 0042", "RE: Bank details");
        RecordItem first = record.affectedItems().getFirst();
        assertThat(first.parentFolder().path()).isEqualTo("\\Inbox");
        assertThat(first.parentFolder().extensions()).containsExactly(Map.entry("MemberRights", "ReadAny"));
        assertThat(first.extensions()).containsOnlyKeys("Attachments", "ImmutableId");
    }

    @Test
    void aSentItemWithAnImmutableIdKeepsItsSubjectAndMessageId() throws Exception {
        String json = HEAD + "\"Operation\":\"SendAs\",\"Item\":{\"Id\":\"RgAC\",\"ImmutableId\":\"LgAE\","
                + "\"InternetMessageId\":\"<pay-now-1@contoso.com>\",\"ParentFolder\":{\"Id\":\"LgAJ\","
                + "\"Path\":\"\\\\Sent Items\"},\"SizeInBytes\":20411,\"Subject\":\"Updated bank details\"}}";

        AuditRecord record = roundTrip(json);

        assertThat(record.extensions()).isEmpty();
        assertThat(record.item().subject()).isEqualTo("Updated bank details");
        assertThat(record.item().internetMessageId()).isEqualTo("<pay-now-1@contoso.com>");
        assertThat(record.item().extensions()).containsExactly(Map.entry("ImmutableId", "LgAE"));
    }

    @Test
    void recordTypeGivenAsIntegerTextIsRead() throws Exception {
        AuditRecord record = reader.read("{\"CreationTime\":\"2026-03-04T21:40:02\",\"RecordType\":\"50\"}");

        assertThat(record.recordType()).isEqualTo(50);
        assertThat(record.extensions()).containsExactly(Map.entry("RecordType", "50"));
    }

    /** Reads the JSON both ways, checks that both give one record and that writing it gives back the same tree. */
    private AuditRecord roundTrip(String json) throws Exception {
        AuditRecord record = reader.read(json);
        assertThat(reader.read(TREES.readTree(json))).isEqualTo(record);
        assertThat(TREES.readTree(writer.toJson(record))).isEqualTo(TREES.readTree(json));
        return record;
    }
}
