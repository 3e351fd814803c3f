package dev.mailtrail.format.auditdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDataWriterTest {
    private static final ObjectMapper TREES = new ObjectMapper();

    private final AuditDataWriter writer = new AuditDataWriter();

    @Test
    void writesAnAdminRecordCompactWithExchangesNamesOrderAndTypes() {
        assertThat(writer.toJson(SampleRecords.adminCmdlet()))
                .isEqualTo("{\"CreationTime\":\"2026-03-02T08:00:00\",\"Id\":\"e3b0c442-98fc-1c14-9afb-f4c8996fb924\","
                        + "\"Operation\":\"Set-Mailbox\",\"OrganizationId\":\"0b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0\","
                        + "\"RecordType\":1,\"ResultStatus\":\"True\",\"UserKey\":\"admin@contoso.example\","
                        + "\"UserType\":2,\"Version\":1,\"Workload\":\"Exchange\",\"ObjectId\":\"alice\","
                        + "\"UserId\":\"admin@contoso.example\",\"ExternalAccess\":false,"
                        + "\"Parameters\":[{\"Name\":\"Identity\",\"Value\":\"alice\"},"
                        + "{\"Name\":\"AuditOwner\",\"Value\":\"MailItemsAccessed\"}]}");
    }

    @Test
    void writesEveryFieldInExchangesOrderThenTheExtensionsInTheirs() throws Exception {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("Zeta", 1);
        extensions.put("Alpha", 2);
        AuditRecord everything = SampleRecords.mailboxRecord()
                .operation("Update")
                .recordType(2)
                .objectId("<x@contoso.example>")
                .clientProcessName("thunderbird")
                .clientVersion("128.0")
                .appId("app")
                .clientAppId("client-app")
                .operationProperties(List.of(new NameValue("MailAccessType", "Bind")))
                .parameters(List.of(new NameValue("Identity", "alice")))
                .item(SampleRecords.send().item())
                .folder(SampleRecords.INBOX)
                .destFolder(SampleRecords.DELETED_ITEMS)
                .affectedItems(SampleRecords.moveToDeletedItems().affectedItems())
                .crossMailboxOperation(true)
                .operationCount(1)
                .folders(SampleRecords.bind().folders())
                .syncedItems(SampleRecords.sync().syncedItems())
                .extensions(extensions)
                .build();

        List<String> names = new ArrayList<>();
        TREES.readTree(writer.toJson(everything)).fieldNames().forEachRemaining(names::add);

        assertThat(names)
                .containsExactly(
                        "CreationTime",
                        "Id",
                        "Operation",
                        "OrganizationId",
                        "RecordType",
                        "ResultStatus",
                        "UserKey",
                        "UserType",
                        "Version",
                        "Workload",
                        "ClientIP",
                        "ObjectId",
                        "UserId",
                        "LogonType",
                        "InternalLogonType",
                        "MailboxGuid",
                        "MailboxOwnerUPN",
                        "MailboxOwnerSid",
                        "LogonUserSid",
                        "LogonUserDisplayName",
                        "ExternalAccess",
                        "OrganizationName",
                        "OriginatingServer",
                        "ClientInfoString",
                        "ClientIPAddress",
                        "ClientProcessName",
                        "ClientVersion",
                        "SessionId",
                        "AppId",
                        "ClientAppId",
                        "OperationProperties",
                        "Parameters",
                        "Item",
                        "Folder",
                        "DestFolder",
                        "AffectedItems",
                        "CrossMailboxOperation",
                        "OperationCount",
                        "Folders",
                        "MailTrailSyncedItems",
                        "Zeta",
                        "Alpha");
    }

    @Test
    void leavesOutAbsentFieldsAndAbsentNestedMembers() {
        AuditRecord sparse = AuditRecord.builder()
                .creationTime(Instant.parse("2026-01-01T00:00:00Z"))
                .recordType(2)
                .item(new RecordItem(null, null, "<m@contoso.example>", null, new FolderRef(null, "\\Inbox")))
                .parameters(List.of(new NameValue("Confirm", null)))
                .build();

        assertThat(writer.toJson(sparse))
                .isEqualTo(
                        "{\"CreationTime\":\"2026-01-01T00:00:00\",\"RecordType\":2,"
                                + "\"Parameters\":[{\"Name\":\"Confirm\"}],"
                                + "\"Item\":{\"InternetMessageId\":\"<m@contoso.example>\",\"ParentFolder\":{\"Path\":\"\\\\Inbox\"}}}");
    }

    @Test
    void truncatesCreationTimeToTheSecondInUtc() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(Instant.parse("1969-12-31T23:59:59.999999999Z"))
                .recordType(1)
                .build();

        assertThat(writer.toJson(record)).startsWith("{\"CreationTime\":\"1969-12-31T23:59:59\",");
    }

    @Test
    void writesALineOfJsonLinesAndLeavesTheWriterOpen() throws Exception {
        StringWriter out = new StringWriter();

        writer.writeLine(SampleRecords.adminCmdlet(), out);
        writer.writeLine(SampleRecords.send(), out);

        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(writer.toJson(SampleRecords.adminCmdlet()));
        assertThat(lines[1]).isEqualTo(writer.toJson(SampleRecords.send()));
        assertThat(lines[2]).isEmpty();
    }

    @Test
    void writesIntoAGeneratorTheCallerOwns() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            writer.write(SampleRecords.bind(), json);
            writer.write(SampleRecords.sync(), json);
            json.writeEndArray();
        }

        assertThat(out.toString())
                .isEqualTo("[" + writer.toJson(SampleRecords.bind()) + "," + writer.toJson(SampleRecords.sync()) + "]");
    }

    @Test
    void writesExtensionValuesAsTheJsonTheyStandFor() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("Flag", true);
        nested.put("Nothing", null);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("Text", "x");
        extensions.put("Long", 3_000_000_000L);
        extensions.put("Decimal", new BigDecimal("1.50"));
        extensions.put("List", Arrays.asList(1, null, "two"));
        extensions.put("Object", nested);
        AuditRecord record = SampleRecords.adminCmdlet().toBuilder()
                .parameters(null)
                .extensions(extensions)
                .build();

        assertThat(writer.toJson(record))
                .endsWith("\"ExternalAccess\":false,\"Text\":\"x\",\"Long\":3000000000,\"Decimal\":1.50,"
                        + "\"List\":[1,null,\"two\"],\"Object\":{\"Flag\":true,\"Nothing\":null}}");
    }

    @Test
    void aModelledValueWinsOverAnExtensionOfTheSameName() {
        AuditRecord record = SampleRecords.adminCmdlet().toBuilder()
                .extensions(Map.of("UserType", "Admin"))
                .build();

        assertThat(writer.toJson(record)).contains("\"UserType\":2,").doesNotContain("Admin\"");
    }

    @Test
    void anExtensionNamedLikeAnAbsentFieldIsWrittenInThatFieldsPlace() {
        AuditRecord record = SampleRecords.adminCmdlet().toBuilder()
                .userType(null)
                .extensions(Map.of("UserType", "Admin"))
                .build();

        assertThat(writer.toJson(record)).contains("\"UserKey\":\"admin@contoso.example\",\"UserType\":\"Admin\",");
    }

    @Test
    void aKeptCreationTimeTextIsDroppedOnceTheRecordsTimeChanges() {
        AuditRecord read = SampleRecords.adminCmdlet().toBuilder()
                .creationTime(Instant.parse("2026-03-02T08:00:00.250Z"))
                .extensions(Map.of("CreationTime", "2026-03-02T08:00:00.25Z"))
                .build();
        AuditRecord moved = read.toBuilder()
                .creationTime(Instant.parse("2026-03-02T09:30:00Z"))
                .build();

        assertThat(writer.toJson(read)).startsWith("{\"CreationTime\":\"2026-03-02T08:00:00.25Z\",");
        assertThat(writer.toJson(moved)).startsWith("{\"CreationTime\":\"2026-03-02T09:30:00\",");
    }

    @Test
    void refusesAnExtensionValueThatJsonCannotHold() {
        AuditRecord record = SampleRecords.adminCmdlet().toBuilder()
                .extensions(Map.of("When", Instant.EPOCH))
                .build();

        assertThatThrownBy(() -> writer.toJson(record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
    }
}
