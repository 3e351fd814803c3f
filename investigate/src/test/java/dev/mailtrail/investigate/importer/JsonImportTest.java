package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.detect.ExportFormat;
import org.junit.jupiter.api.Test;

class JsonImportTest {

    @Test
    void contentBlobArrayImportsEachElement() throws Exception {
        CollectingSink sink = Fixtures.imported("content-blob.json");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records)
                .extracting(r -> r.record().operation())
                .containsExactly("Send", "MoveToDeletedItems", "Set-Mailbox");
        assertThat(sink.records).extracting(r -> r.origin().index()).containsExactly(1L, 2L, 3L);
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.MANAGEMENT_ACTIVITY_JSON);
        AuditRecord send = sink.records.getFirst().record();
        assertThat(send.item().subject()).isEqualTo("Updated bank details for March payment");
        assertThat(send.item().parentFolder().path()).isEqualTo("\\Sent Items");
        assertThat(sink.records.get(2).record().parameters())
                .contains(new NameValue("ForwardingSmtpAddress", "smtp:attacker@evil.example"));
    }

    @Test
    void jsonLinesImportEachLine() throws Exception {
        CollectingSink sink = Fixtures.imported("audit-data.jsonl");

        assertThat(sink.rejects).isEmpty();
        assertThat(sink.records).extracting(r -> r.origin().line()).containsExactly(1L, 2L, 3L);
        assertThat(sink.records.getFirst().origin().format()).isEqualTo(ExportFormat.AUDIT_DATA_JSON_LINES);
        assertThat(sink.records.get(1).record().isThrottled()).isTrue();
    }
}
