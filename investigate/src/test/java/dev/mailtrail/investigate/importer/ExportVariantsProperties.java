package dev.mailtrail.investigate.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.FolderItems;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.investigate.importer.identity.RecordIdentity;
import dev.mailtrail.investigate.report.ScopeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One access, one record: real records (plaso's sample of a real tenant, the hand-written fixtures) exported again
 * in every shape the importer reads, with members in another order, typed values as text, other whitespace and
 * line ends, keep their known fields, their content identity and the scope's JSON; members MailTrail does not
 * model, added at any depth, cost none of the known fields nor the scope.
 */
class ExportVariantsProperties {
    private static final List<String> SOURCES =
            List.of("importer/audit-data.jsonl", "importer/unknown-members/real-shaped.jsonl");
    private static List<String> lines;
    private static List<ImportedRecord> baseline;
    private static String baselineScope;
    private static Path directory;

    @BeforeContainer
    static void importTheRecordsAsTheyAre() throws Exception {
        lines = new ArrayList<>();
        for (String source : SOURCES) {
            lines.addAll(Files.readAllLines(Path.of(
                    ExportVariantsProperties.class.getResource("/" + source).toURI())));
        }
        lines.addAll(Files.readAllLines(SharedData.file("plaso/microsoft_audit_log.jsonl")));
        lines.removeIf(String::isBlank);
        directory = Files.createTempDirectory("export-variants");
        baseline = imported(String.join("\n", lines) + "\n", "baseline.jsonl");
        assertThat(baseline).hasSameSizeAs(lines);
        baselineScope = scope(baseline);
    }

    @AfterContainer
    static void removeTheExports() throws Exception {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Property(tries = 40)
    void anotherExportOfTheSameRecordsIsTheSameRecords(@ForAll ExportVariants.Shape shape, @ForAll long seed)
            throws Exception {
        ExportVariants variants = new ExportVariants(seed);
        List<ObjectNode> records = new ArrayList<>();
        for (String line : lines) {
            ObjectNode record = ExportVariants.parse(line);
            variants.reorderAndRetype(record);
            records.add(record);
        }

        List<ImportedRecord> again = imported(variants.export(shape, records), "again-" + shape);

        assertThat(again).hasSameSizeAs(baseline);
        for (int i = 0; i < baseline.size(); i++) {
            assertThat(identity(again.get(i))).as("identity of line %d", i + 1).isEqualTo(identity(baseline.get(i)));
            assertThat(known(again.get(i).record()))
                    .as("known fields of line %d", i + 1)
                    .isEqualTo(known(baseline.get(i).record()));
        }
        assertThat(scope(again)).isEqualTo(baselineScope);
    }

    @Property(tries = 40)
    void unknownMembersAtAnyDepthCostNoKnownField(@ForAll ExportVariants.Shape shape, @ForAll long seed)
            throws Exception {
        ExportVariants variants = new ExportVariants(seed);
        List<ObjectNode> records = new ArrayList<>();
        for (String line : lines) {
            ObjectNode record = ExportVariants.parse(line);
            variants.addUnknownMembers(record, 0);
            variants.reorderAndRetype(record);
            records.add(record);
        }

        List<ImportedRecord> again = imported(variants.export(shape, records), "unknown-" + shape);

        assertThat(again).hasSameSizeAs(baseline);
        for (int i = 0; i < baseline.size(); i++) {
            assertThat(known(again.get(i).record()))
                    .as("known fields of line %d", i + 1)
                    .isEqualTo(known(baseline.get(i).record()));
        }
        assertThat(scope(again)).isEqualTo(baselineScope);
    }

    private static RecordIdentity identity(ImportedRecord record) {
        return record.identity();
    }

    private static List<ImportedRecord> imported(String export, String name) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, export);
        CollectingSink sink = new CollectingSink();
        Fixtures.importInto(sink, file);
        assertThat(sink.rejects).as("rejects of %s", name).isEmpty();
        return sink.records;
    }

    private static String scope(List<ImportedRecord> records) {
        return new ScopeJson().toJson(UnknownMembersImportTest.scope(records));
    }

    /** The record's modelled fields only: every extension, at every depth, left out. */
    private static AuditRecord known(AuditRecord record) {
        return record.toBuilder()
                .extensions(Map.of())
                .operationProperties(each(record.operationProperties(), p -> new NameValue(p.name(), p.value())))
                .parameters(each(record.parameters(), p -> new NameValue(p.name(), p.value())))
                .item(record.item() == null ? null : item(record.item()))
                .folder(folder(record.folder()))
                .destFolder(folder(record.destFolder()))
                .affectedItems(each(record.affectedItems(), ExportVariantsProperties::item))
                .folders(each(
                        record.folders(),
                        f -> new FolderItems(f.id(), f.path(), each(f.folderItems(), ExportVariantsProperties::ref))))
                .syncedItems(each(record.syncedItems(), ExportVariantsProperties::ref))
                .build();
    }

    private static RecordItem item(RecordItem item) {
        return new RecordItem(
                item.id(), item.subject(), item.internetMessageId(), item.sizeInBytes(), folder(item.parentFolder()));
    }

    private static FolderRef folder(FolderRef folder) {
        return folder == null ? null : new FolderRef(folder.id(), folder.path());
    }

    private static ItemRef ref(ItemRef item) {
        return new ItemRef(item.internetMessageId(), item.id(), item.sizeInBytes(), item.subject());
    }

    private static <T> List<T> each(List<T> values, java.util.function.UnaryOperator<T> change) {
        return values == null ? null : values.stream().map(change).toList();
    }
}
