package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeActivityImportTest {

    @Test
    void sentinelJsonGetsExchangesFieldNamesBack() throws Exception {
        CollectingSink sink = Fixtures.imported("office-activity.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(3);
        ImportedRecord first = sink.records.getFirst();
        AuditRecord bind = first.record();
        assertThat(first.origin().format()).isEqualTo(ExportFormat.OFFICE_ACTIVITY_JSON);
        assertThat(bind.id()).isEqualTo("5b2d0c3e-8f61-4d1a-9c07-2f7f2b6c1a01");
        assertThat(bind.recordType()).isEqualTo(50);
        assertThat(bind.userType()).isZero();
        assertThat(bind.workload()).isEqualTo("Exchange");
        assertThat(bind.logonType()).isZero();
        assertThat(bind.clientIp()).isEqualTo("203.0.113.5");
        assertThat(bind.clientIpAddress()).isEqualTo("203.0.113.5");
        assertThat(bind.mailAccessType()).isEqualTo("Bind");
        assertThat(bind.folders()).singleElement().satisfies(f -> assertThat(f.folderItems())
                .hasSize(2));
        assertThat(bind.extensions()).doesNotContainKeys("TenantId", "SourceSystem", "Type", "Client_IPAddress");
        assertThat(first.exportColumns()).containsEntry("TenantId", "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void sentinelJsonThrottledRecordAndForwardingRule() throws Exception {
        CollectingSink sink = Fixtures.imported("office-activity.json");

        assertThat(sink.records.get(1).record().isThrottled()).isTrue();
        assertThat(sink.records.get(1).record().creationTime()).isEqualTo(Instant.parse("2026-03-04T21:40:02Z"));
        assertThat(sink.records.get(2).record().parameters())
                .contains(new NameValue("ForwardTo", "attacker@evil.example"));
    }

    @Test
    void portalCsvWithUnitInHeaderAndLocaleDateImports() throws Exception {
        CollectingSink sink = Fixtures.imported("office-activity-portal.csv");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).hasSize(2);
        AuditRecord rule = sink.records.getFirst().record();
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.OFFICE_ACTIVITY_CSV);
        assertThat(rule.creationTime()).isEqualTo(Instant.parse("2026-03-04T19:07:12Z"));
        assertThat(rule.externalAccess()).isFalse();
        assertThat(rule.clientIp()).isEqualTo("198.51.100.7");
        assertThat(rule.parameters()).contains(new NameValue("ForwardTo", "attacker@evil.example"));
        assertThat(sink.records.get(1).record().userType()).isEqualTo(2);
    }

    @Test
    void rowsThatCannotBeReadAreRejectedWithTheirColumn(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sentinel.csv");
        Files.writeString(csv, """
                TimeGenerated,UserId,Operation,Parameters
                2026-03-04T19:07:12Z,ceo@contoso.example,New-InboxRule,"[{""Name"":""ForwardTo"",""Value"":""a@evil.example""}]"
                2026-03-04T19:07:13Z,ceo@contoso.example,New-InboxRule,"[{""Name"":""ForwardTo"","
                2026-03-04T19:07:14Z,ceo@contoso.example,Set-Mailbox,,stray
                yesterday,ceo@contoso.example,Set-Mailbox,
                """);
        CollectingSink sink = new CollectingSink();

        Fixtures.importInto(sink, csv);

        assertThat(sink.records).hasSize(1);
        assertThat(sink.rejects).extracting(Reject::line).containsExactly(3L, 4L, 5L);
        assertThat(sink.rejects)
                .extracting(Reject::reason)
                .containsExactly(
                        "Parameters: not JSON at line 1, column 22: Unexpected end-of-input within/between Object entries",
                        "row: 5 fields where the header has 4 (a quote missing or a comma too many?)",
                        "TimeGenerated: \"yesterday\" is not a date");
    }

    @Test
    void aProjectionWithoutRecordTypeGetsTheOperationsType() throws Exception {
        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, SharedData.file("msticpy/demo_exchange_data.csv"));

        assertThat(sink.records)
                .allSatisfy(r -> assertThat(r.record().recordType()).isEqualTo(1));
        assertThat(sink.records.getFirst().record().parameters()).isNotEmpty();
    }
}
