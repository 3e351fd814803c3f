package dev.mailtrail.investigate.importer.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportDetectorTest {
    private final ExportDetector detector = new ExportDetector();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "purview-audit-search.csv, PURVIEW_AUDIT_CSV, CSV",
        "purview-classic.csv, PURVIEW_AUDIT_CSV, CSV",
        "search-unifiedauditlog.csv, UNIFIED_AUDIT_LOG_CSV, CSV",
        "content-blob.json, MANAGEMENT_ACTIVITY_JSON, JSON_VALUES",
        "audit-data.jsonl, AUDIT_DATA_JSON_LINES, JSON_LINES",
        "mailbox-audit-log.csv, MAILBOX_AUDIT_LOG_CSV, CSV",
        "office-activity.json, OFFICE_ACTIVITY_JSON, JSON_VALUES",
        "office-activity-portal.csv, OFFICE_ACTIVITY_CSV, CSV",
        "shapes/ps51-convertto-json.json, UNIFIED_AUDIT_LOG_JSON, JSON_VALUES",
        "shapes/extractor-suite-ual.json, UNIFIED_AUDIT_LOG_JSON, JSON_VALUES",
        "shapes/extractor-suite-ual.jsonl, UNIFIED_AUDIT_LOG_JSON, JSON_LINES",
        "shapes/graph-audit-records-pages.json, GRAPH_AUDIT_LOG_RECORDS, ODATA_PAGES",
        "shapes/graph-audit-records.json, GRAPH_AUDIT_LOG_RECORDS, JSON_VALUES",
        "shapes/graph-audit-data.jsonl, AUDIT_DATA_JSON_LINES, JSON_LINES",
        "shapes/graph-audit-records.csv, PURVIEW_AUDIT_CSV, CSV",
        "shapes/search-unifiedauditlog-en-gb.csv, UNIFIED_AUDIT_LOG_CSV, CSV",
        "shapes/cloudappevents-portal.csv, CLOUD_APP_EVENTS_CSV, CSV",
        "shapes/cloudappevents-streaming.json, CLOUD_APP_EVENTS_JSON, JSON_LINES",
        "shapes/dfir-o365rc-purview.json, MANAGEMENT_ACTIVITY_JSON, JSON_VALUES",
        "shapes/goose-ual.json, AUDIT_DATA_JSON_LINES, JSON_LINES",
        "shapes/cloudappevents-runhuntingquery.json, CLOUD_APP_EVENTS_JSON, ODATA_PAGES"
    })
    void eachFixtureIsToldByItsContent(String fixture, ExportFormat format, ExportFile.Layout layout) throws Exception {
        ExportFile file = detector.detect(fixture(fixture));

        assertThat(file.format()).isEqualTo(format);
        assertThat(file.layout()).isEqualTo(layout);
    }

    @Test
    void theFileNameIsNeverConsulted() throws Exception {
        Path misnamed = dir.resolve("audit.csv");
        Files.copy(fixture("content-blob.json"), misnamed);

        assertThat(detector.detect(misnamed).format()).isEqualTo(ExportFormat.MANAGEMENT_ACTIVITY_JSON);
    }

    @Test
    void exportCsvWithoutTypeLineIsToldByItsColumns() throws Exception {
        Path noType = dir.resolve("x");
        Files.writeString(
                noType,
                "\"RecordType\",\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\",\"ResultIndex\","
                        + "\"ResultCount\",\"Identity\"\r\n");

        assertThat(detector.detect(noType).format()).isEqualTo(ExportFormat.UNIFIED_AUDIT_LOG_CSV);
    }

    @Test
    void anEmptyContentBlobIsAContentBlob() throws Exception {
        Path empty = dir.resolve("blob");
        Files.writeString(empty, "[]");

        assertThat(detector.detect(empty).format()).isEqualTo(ExportFormat.MANAGEMENT_ACTIVITY_JSON);
    }

    @Test
    void byteOrderMarksAndUtf16AreRecognised() throws Exception {
        Path utf16 = dir.resolve("utf16");
        Files.write(utf16, "CreationDate,UserIds,Operations,AuditData\r\n".getBytes(StandardCharsets.UTF_16LE));

        ExportFile file = detector.detect(utf16);
        assertThat(file.encoding()).isEqualTo(new TextEncoding(StandardCharsets.UTF_16LE, 0));
        assertThat(detector.detect(fixture("purview-audit-search.csv"))
                        .encoding()
                        .bomLength())
                .isEqualTo(3);
    }

    @Test
    void somethingElseIsRefusedWithTheFileAndWhatItHolds() throws Exception {
        Path graph = dir.resolve("graph.json");
        Files.writeString(graph, "{\"@odata.context\":\"...\",\"value\":[]}\n");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> detector.detect(graph))
                .isInstanceOf(UnrecognisedExportException.class)
                .hasMessageStartingWith(graph + ": not an audit export MailTrail knows (JSON whose first record has the"
                        + " members [@odata.context, value])")
                .hasMessageContaining("Known formats:\n  - Purview audit search export CSV");
        assertThatThrownBy(() -> detector.detect(empty)).hasMessageContaining("the file is empty");
    }

    @Test
    void csvsThatLostTheRecordsItemsAreRefusedSayingWhatToImportInstead() throws Exception {
        Path flattened = fixture("shapes/hawk-mailitemsaccessed.csv");
        Path summary = fixture("shapes/extractor-suite-mailitemsaccessed.csv");

        assertThatThrownBy(() -> detector.detect(flattened))
                .isInstanceOf(UnrecognisedExportException.class)
                .hasMessageStartingWith(flattened + ": not an audit export MailTrail knows (AuditData flattened into"
                        + " CSV columns (29 columns, CreationTime, Operation, RecordType …)")
                .hasMessageContaining("Export-Csv writes them as \"System.Object[]\"; import the same tool's JSON"
                        + " output, or an export with an AuditData column)")
                .hasMessageContaining("Known formats:\n  - Purview audit search export CSV");
        assertThatThrownBy(() -> detector.detect(summary))
                .hasMessageContaining("(Microsoft-Extractor-Suite's Get-MailItemsAccessed summary (TimeStamp,User,"
                        + "Action,SessionId,ClientIP,MailAccessType,IsThrottled,OperationCount), which has no record Id,"
                        + " folders or items; import Get-UAL's output for MailItemsAccessed)");
    }

    @Test
    void anAuditDataRecordWithAResultsArrayIsNoPage() throws Exception {
        Path lines = dir.resolve("search.jsonl");
        Files.writeString(
                lines,
                "{\"CreationTime\":\"2026-03-04T19:05:00\",\"RecordType\":1,\"Operation\":\"Search\","
                        + "\"Results\":[{\"Name\":\"x\"}]}\n");

        assertThat(detector.detect(lines).format()).isEqualTo(ExportFormat.AUDIT_DATA_JSON_LINES);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ExportDetectorTest.class.getResource("/importer/" + name).toURI());
    }
}
