package dev.mailtrail.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.NameValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void operationPropertiesAreReadByName() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(T0)
                .operationProperties(
                        List.of(new NameValue("MailAccessType", "Sync"), new NameValue("IsThrottled", "true")))
                .build();

        assertThat(record.mailAccessType()).isEqualTo("Sync");
        assertThat(record.isThrottled()).isTrue();
        assertThat(record.operationProperty("Other")).isNull();
    }

    @Test
    void aRecordWithoutOperationPropertiesIsNotThrottled() {
        AuditRecord record = AuditRecord.builder().creationTime(T0).build();

        assertThat(record.mailAccessType()).isNull();
        assertThat(record.isThrottled()).isFalse();
        assertThat(record.extensions()).isEmpty();
    }

    @Test
    void aRecordRebuiltFromItsBuilderIsEqual() {
        AuditRecord record = AuditRecord.builder()
                .creationTime(T0)
                .id("id")
                .operation("MailItemsAccessed")
                .recordType(RecordType.EXCHANGE_ITEM_AGGREGATED)
                .operationCount(3)
                .folders(List.of(new FolderItems("f", "\\Inbox", null)))
                .extensions(Map.of("Extra", 1))
                .build();

        assertThat(record.toBuilder().build()).isEqualTo(record);
        assertThat(record.toBuilder().id("other").build()).isNotEqualTo(record);
    }

    @Test
    void listsAreCopied() {
        List<NameValue> parameters = new ArrayList<>(List.of(new NameValue("A", "1")));
        AuditRecord record =
                AuditRecord.builder().creationTime(T0).parameters(parameters).build();

        parameters.add(new NameValue("B", "2"));

        assertThat(record.parameters()).hasSize(1);
    }

    @Test
    void recordTypesHaveExchangesNames() {
        assertThat(RecordType.name(RecordType.EXCHANGE_ADMIN)).isEqualTo("ExchangeAdmin");
        assertThat(RecordType.name(RecordType.EXCHANGE_ITEM_AGGREGATED)).isEqualTo("ExchangeItemAggregated");
        assertThat(RecordType.name(RecordType.EXCHANGE_SEARCH)).isEqualTo("ExchangeSearch");
        assertThat(RecordType.name(77)).isEqualTo("77");
    }
}
