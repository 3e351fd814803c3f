package dev.mailtrail.investigate.importer.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.format.auditdata.AuditDataReader;
import dev.mailtrail.investigate.importer.normalise.RecordNormaliser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordIdentifierTest {
    private static final String RECORD = "{\"CreationTime\":\"2026-03-04T19:05:00\",\"Id\":\"5b2d0c3e\","
            + "\"Operation\":\"MailItemsAccessed\",\"RecordType\":50,\"UserId\":\"ceo@contoso.example\","
            + "\"ClientIP\":\"203.0.113.5:51234\",\"ExternalAccess\":false,\"AppAccessContext\":{\"b\":1,\"a\":2},"
            + "\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}]}";

    private final RecordIdentifier identifier = new RecordIdentifier();

    private RecordIdentity identity(String json) throws Exception {
        return identifier.identify(new RecordNormaliser().normalise(new AuditDataReader().read(json)));
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheIdentity() throws Exception {
        String reordered = "{ \"Id\": \"5b2d0c3e\", \"RecordType\": 50,\n  \"AppAccessContext\": {\"a\": 2, \"b\": 1},"
                + " \"CreationTime\": \"2026-03-04T19:05:00\", \"Operation\": \"MailItemsAccessed\","
                + " \"OperationProperties\": [{\"Value\": \"Bind\", \"Name\": \"MailAccessType\"}],"
                + " \"UserId\": \"ceo@contoso.example\", \"ExternalAccess\": false, \"ClientIP\": \"203.0.113.5:51234\" }";

        assertThat(identity(reordered)).isEqualTo(identity(RECORD));
    }

    @Test
    void creationTimePrecisionAndBooleanSpellingDoNotChangeTheIdentity() throws Exception {
        String purview = RECORD.replace("2026-03-04T19:05:00\"", "2026-03-04T19:05:00.0000000Z\"")
                .replace("\"ExternalAccess\":false", "\"ExternalAccess\":\"False\"");

        assertThat(identity(purview)).isEqualTo(identity(RECORD));
    }

    @Test
    void implicitIsThrottledFalseIsTheSameAsAnExplicitOne() throws Exception {
        String explicit = RECORD.replace(
                "{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}",
                "{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\",\"Value\":\"False\"}");

        assertThat(identity(explicit)).isEqualTo(identity(RECORD));
    }

    @Test
    void exportAnnotationsDoNotChangeTheIdentity() throws Exception {
        String graph = RECORD.replace(
                "{\"CreationTime\"", "{\"@odata.type\":\"#microsoft.graph.security.auditData\",\"CreationTime\"");

        assertThat(identity(graph)).isEqualTo(identity(RECORD));
    }

    @Test
    void twoRecordsSharingAnIdButNotTheirContentDiffer() throws Exception {
        assertThat(identity(RECORD.replace("19:05:00", "19:06:00"))).isNotEqualTo(identity(RECORD));
        assertThat(identity(RECORD.replace("ceo@", "cfo@"))).isNotEqualTo(identity(RECORD));
        assertThat(identity(RECORD.replace("\"a\":2", "\"a\":3"))).isNotEqualTo(identity(RECORD));
    }

    @Test
    void anotherSourcePortIsAnotherConnectionHenceAnotherRecord() throws Exception {
        assertThat(identity(RECORD.replace(":51234", ":51235"))).isNotEqualTo(identity(RECORD));
    }

    @Test
    void identityPrintsAs32HexDigits() throws Exception {
        assertThat(identity(RECORD).toString()).matches("[0-9a-f]{32}");
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesTheNextIdentityAlone() throws Exception {
        RecordIdentity alone = new RecordIdentifier().identify(new AuditDataReader().read(RECORD));
        AuditRecord unwritable = new AuditDataReader()
                .read(RECORD).toBuilder()
                        .creationTime(Instant.parse("+10000-01-01T00:00:00Z"))
                        .build();

        assertThatThrownBy(() -> identifier.identify(unwritable)).isInstanceOf(IllegalArgumentException.class);
        assertThat(identifier.identify(new AuditDataReader().read(RECORD))).isEqualTo(alone);
    }

    @Test
    void threadsSharingAnIdentifierGetTheIdentitiesOneThreadGets() throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(new AuditDataReader().read(RECORD.replace("ceo@", "user" + i + "@")));
        }
        List<RecordIdentity> expected =
                records.stream().map(identifier::identify).toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<List<RecordIdentity>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(
                        () -> records.stream().map(identifier::identify).toList()));
            }
            for (Future<List<RecordIdentity>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void canonicalFormSortsUnmodelledFields() throws Exception {
        AuditRecord canonical = identifier.canonical(new AuditDataReader().read(RECORD));

        assertThat(canonical.extensions().keySet()).containsExactly("AppAccessContext");
        assertThat(canonical.extensions().get("AppAccessContext").toString()).isEqualTo("{a=2, b=1}");
    }
}
