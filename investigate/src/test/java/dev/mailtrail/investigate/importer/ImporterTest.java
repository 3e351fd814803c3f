package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailtrail.investigate.importer.detect.ExportFormat;
import dev.mailtrail.investigate.importer.identity.InMemoryKnownRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    private static final String RECORD = "{\"CreationTime\":\"2026-03-04T19:%02d:%02d\",\"Id\":\"%s\","
            + "\"Operation\":\"MailItemsAccessed\",\"RecordType\":50,\"UserId\":\"ceo@contoso.example\","
            + "\"ClientIP\":\"203.0.113.5:%d\",\"OperationProperties\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"}]}";

    @TempDir
    Path dir;

    @Test
    void recordsArriveInFileOrderWhateverTheWorkersAndChunks() throws Exception {
        Path jsonl = dir.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(
                    i % 500 == 499 ? "{\"CreationTime\":" : RECORD.formatted(i / 60 % 60, i % 60, "id-" + i, 1024 + i));
        }
        Files.write(jsonl, lines);

        CollectingSink one = new CollectingSink();
        CollectingSink two = new CollectingSink();
        Fixtures.importInto(one, new ImportOptions(java.time.ZoneOffset.UTC, 1, 7), jsonl);
        Fixtures.importInto(two, new ImportOptions(java.time.ZoneOffset.UTC, 2, 7), jsonl);

        assertThat(one.records).hasSize(2_994);
        assertThat(one.rejects).extracting(Reject::line).containsExactly(500L, 1000L, 1500L, 2000L, 2500L, 3000L);
        assertThat(two.records)
                .extracting(r -> r.origin().line())
                .isSorted()
                .isEqualTo(one.records.stream().map(r -> r.origin().line()).toList());
        assertThat(two.records)
                .extracting(ImportedRecord::identity)
                .isEqualTo(one.records.stream().map(ImportedRecord::identity).toList());
    }

    @Test
    void progressGrowsToTheTotalOfAllFiles() throws Exception {
        List<long[]> updates = new ArrayList<>();
        Path blob = Fixtures.path("content-blob.json");
        Path csv = Fixtures.path("purview-audit-search.csv");

        new Importer(ImportOptions.defaults(), new InMemoryKnownRecords())
                .run(
                        List.of(blob, csv),
                        new CollectingSink(),
                        (file, done, total) -> updates.add(new long[] {done, total}));

        long total = Files.size(blob) + Files.size(csv);
        assertThat(updates).isNotEmpty().allSatisfy(u -> assertThat(u[1]).isEqualTo(total));
        assertThat(updates).extracting(u -> u[0]).isSorted();
        assertThat(updates.getLast()[0]).isEqualTo(total);
    }

    @Test
    void aFailingSinkStopsTheImportWithItsError() throws Exception {
        Path jsonl = dir.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            lines.add(RECORD.formatted(0, i % 60, "id-" + i, 1024 + i));
        }
        Files.write(jsonl, lines);
        RecordSink failing = new RecordSink() {
            private int accepted;

            @Override
            public void accept(ImportedRecord record) throws IOException {
                if (++accepted == 10) {
                    throw new IOException("disk full");
                }
            }

            @Override
            public void reject(Reject reject) {}
        };

        assertThatThrownBy(() -> new Importer(
                                new ImportOptions(java.time.ZoneOffset.UTC, 2, 16), new InMemoryKnownRecords())
                        .run(List.of(jsonl), failing, ImportProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("mt-import-reader") && t.isAlive());
    }

    @Test
    void utf16ExportCsvWithByteOrderMarkImports() throws Exception {
        Path utf16 = dir.resolve("audit.csv");
        String text = Files.readString(Fixtures.path("search-unifiedauditlog.csv"));
        Files.write(utf16, withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE));

        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, utf16);

        assertThat(summary.files().getFirst().format()).isEqualTo(ExportFormat.UNIFIED_AUDIT_LOG_CSV);
        assertThat(sink.records).hasSize(3);
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void windows1252CsvKeepsLocalisedFolderNames() throws Exception {
        Path ansi = dir.resolve("excel-saved.csv");
        String text =
                Files.readString(Fixtures.path("purview-audit-search.csv")).replace("\uFEFF", "");
        Files.write(ansi, text.getBytes(Charset.forName("windows-1252")));

        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, ansi);

        assertThat(sink.records.get(1).record().folders().getFirst().path()).isEqualTo("\\Boîte de réception");
    }

    @Test
    void gzipCompressedExportIsReadAsItsContent() throws Exception {
        Path gz = dir.resolve("export.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.path("purview-audit-search.csv"), out);
        }

        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, gz);

        assertThat(summary.files().getFirst().format()).isEqualTo(ExportFormat.PURVIEW_AUDIT_CSV);
        assertThat(sink.records).hasSize(5);
    }

    @Test
    void aFileGivenByNameThatIsNoExportIsRefusedWithWhatItHoldsAndTheOthersAreImported() throws Exception {
        Path notes = dir.resolve("notes.csv");
        Files.writeString(notes, "Date,Subject,From\n3/4/2026,Invoice,someone@example.com\n");
        Path missing = dir.resolve("missing.json");
        CollectingSink sink = new CollectingSink();

        ImportSummary summary = Fixtures.importInto(sink, notes, missing, Fixtures.path("content-blob.json"));

        assertThat(summary.complete()).isFalse();
        assertThat(summary.refused()).extracting(RefusedFile::file).containsExactly(notes, missing);
        assertThat(summary.refused().getFirst().reason()).contains("CSV with the header Date,Subject,From");
        assertThat(summary.refused().get(1).reason()).isEqualTo("no such file or directory");
        assertThat(summary.files()).singleElement().satisfies(file -> assertThat(file.imported())
                .isPositive());
        assertThat(sink.records).isNotEmpty();
    }

    @Test
    void directoriesAreWalkedInNameOrderSkippingHiddenFilesAndNonExports() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("b/nested"));
        Files.copy(Fixtures.path("audit-data.jsonl"), dir.resolve("a.jsonl"));
        Files.copy(Fixtures.path("content-blob.json"), nested.resolve("blob.json"));
        Files.writeString(dir.resolve("README.txt"), "exports of 4 March\n");
        Files.writeString(dir.resolve(".DS_Store"), "\0\0\0\1Bud1");

        CollectingSink sink = new CollectingSink();
        ImportSummary summary = Fixtures.importInto(sink, dir);

        assertThat(summary.files())
                .extracting(f -> dir.relativize(f.file()).toString())
                .containsExactly("a.jsonl", "b/nested/blob.json");
        assertThat(summary.skipped())
                .extracting(s -> s.file().getFileName().toString())
                .containsExactly("README.txt");
        assertThat(sink.records).hasSize(6);
    }

    private static byte[] withBom(byte[] bom, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }
}
