package dev.mailtrail.app.webmail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.pipeline.AuditPipeline;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a responder does with a stopped proxy's data directory: its unified audit log (mailbox records and the
 * inbox-rule cmdlets alike, as Microsoft 365's) exported as AuditData JSON lines, {@code mt import} into a case,
 * {@code mt scope --format json}.
 */
final class CaseScope {

    private final Path dir;

    CaseScope(Path dir) {
        this.dir = dir;
    }

    /** The unified audit log's records (AuditData JSON, one per line), written to {@code records.jsonl} too. */
    List<String> export(Path data) throws IOException {
        List<String> records = new ArrayList<>();
        try (AuditPipeline pipeline = AuditPipeline.open(data, Clock.systemUTC(), PipelineOptions.defaults(), "test")) {
            pipeline.unifiedLog().export(r -> records.add(r.auditData()));
        }
        Files.write(dir.resolve("records.jsonl"), records);
        return records;
    }

    /** {@code mt import} of the exported records, then {@code mt scope} with {@code hints}, as JSON. */
    JsonNode scope(String mailbox, String... hints) throws IOException {
        Path caseDir = dir.resolve("case");
        mt("import", dir.resolve("records.jsonl").toString(), "--case", caseDir.toString());
        List<String> args = new ArrayList<>(
                List.of("scope", "--case", caseDir.toString(), "--mailbox", mailbox, "--format", "json"));
        args.addAll(List.of(hints));
        return new ObjectMapper().readTree(mt(args.toArray(String[]::new)));
    }

    private static String mt(String... args) {
        MtRun run = MtRun.of(args);
        if (run.exit() != 0) {
            throw new AssertionError("mt " + String.join(" ", args) + " exited " + run.exit() + ": " + run.err());
        }
        return run.out();
    }
}
