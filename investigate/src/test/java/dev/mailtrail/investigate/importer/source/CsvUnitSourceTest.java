package dev.mailtrail.investigate.importer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvUnitSourceTest {

    private static List<SourceUnit> rows(CsvUnitSource source) throws IOException {
        List<SourceUnit> units = new ArrayList<>();
        for (SourceUnit unit = source.next(); unit != null; unit = source.next()) {
            units.add(unit);
        }
        return units;
    }

    @Test
    void typeLineIsSkippedAndRowsKeepTheirFileLinesWithLineFeedsInsideCells() throws IOException {
        String csv =
                "#TYPE Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent\r\n"
                        + "\"CreationDate\",\"AuditData\"\r\n"
                        + "\"3/4/2026 7:05:00 PM\",\"{\r\n  \"\"Id\"\": 1\r\n}\"\r\n"
                        + "\"3/4/2026 7:06:00 PM\",\"{}\"\r\n";
        try (CsvUnitSource source = new CsvUnitSource(new StringReader(csv))) {
            assertThat(source.header().typeLine()).isTrue();
            assertThat(source.header().columns()).containsExactly("CreationDate", "AuditData");
            assertThat(rows(source))
                    .containsExactly(
                            new SourceUnit.CsvRow(3, List.of("3/4/2026 7:05:00 PM", "{\n  \"Id\": 1\n}")),
                            new SourceUnit.CsvRow(6, List.of("3/4/2026 7:06:00 PM", "{}")));
        }
    }

    @Test
    void headerLookupIgnoresCaseBlanksAndTheLogAnalyticsUnit() throws IOException {
        try (CsvUnitSource source =
                new CsvUnitSource(new StringReader("\uFEFFTimeGenerated [UTC], operation ,UserId\n"))) {
            CsvHeader header = source.header();
            assertThat(header.indexOf("TimeGenerated")).isZero();
            assertThat(header.indexOf("Operation")).isEqualTo(1);
            assertThat(header.name(0)).isEqualTo("TimeGenerated");
            assertThat(header.has("AuditData")).isFalse();
        }
    }

    @Test
    void theSeparatorIsTheHeaders() throws IOException {
        String excel = "#TYPE System.Management.Automation.PSCustomObject\r\n"
                + "\"CreationDate\";\"AuditData\"\r\n"
                + "04.03.2026 19:05;\"{\"\"Id\"\": 1, \"\"A\"\": \"\"x;y\"\"}\"\r\n";
        try (CsvUnitSource source = new CsvUnitSource(new StringReader(excel))) {
            assertThat(source.header().columns()).containsExactly("CreationDate", "AuditData");
            assertThat(rows(source))
                    .containsExactly(
                            new SourceUnit.CsvRow(3, List.of("04.03.2026 19:05", "{\"Id\": 1, \"A\": \"x;y\"}")));
        }
        assertThat(CsvUnitSource.separatorOf("\"a;b\",c")).isEqualTo(',');
        assertThat(CsvUnitSource.separatorOf("a\tb")).isEqualTo('\t');
        assertThat(CsvUnitSource.separatorOf("a")).isEqualTo(',');
    }

    @Test
    void anUnclosedQuoteMakesTheRestOfTheFileOneUnreadableUnit() throws IOException {
        String csv = "A,B\n1,2\n3,\"never closed\n4,5\n";
        try (CsvUnitSource source = new CsvUnitSource(new StringReader(csv))) {
            List<SourceUnit> units = rows(source);
            assertThat(units.getFirst()).isEqualTo(new SourceUnit.CsvRow(2, List.of("1", "2")));
            assertThat(units).hasSize(2);
            assertThat(units.get(1)).isInstanceOf(SourceUnit.Unreadable.class);
            assertThat(units.get(1).line()).isEqualTo(3);
        }
    }
}
