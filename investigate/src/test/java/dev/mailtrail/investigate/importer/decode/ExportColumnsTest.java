package dev.mailtrail.investigate.importer.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportColumnsTest {
    @Test
    void aRowsColumnsPassThroughRecordsUncopied() {
        ExportColumns row = new ExportColumns(List.of("CreationDate", "RecordId"), new String[] {"3/4/2026", "r1"});

        DecodedRecord decoded = new DecodedRecord(null, row);

        assertThat(decoded.exportColumns()).isSameAs(row);
        assertThat(decoded.exportColumns())
                .containsExactly(Map.entry("CreationDate", "3/4/2026"), Map.entry("RecordId", "r1"));
    }

    @Test
    void otherColumnsAreCopiedInTheirOrderAndCannotChange() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("TenantId", "t");
        columns.put("Type", "OfficeActivity");

        Map<String, String> immutable = ExportColumns.immutable(columns);
        columns.put("Later", "x");

        assertThat(immutable).containsExactly(Map.entry("TenantId", "t"), Map.entry("Type", "OfficeActivity"));
        assertThatThrownBy(() -> immutable.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ExportColumns.immutable(Map.of())).isEmpty();
    }
}
