package dev.mailtrail.app.investigate;

import dev.mailtrail.app.files.FileFailure;
import dev.mailtrail.investigate.importer.FileSummary;
import dev.mailtrail.investigate.importer.ImportOptions;
import dev.mailtrail.investigate.importer.ImportProgress;
import dev.mailtrail.investigate.importer.ImportSummary;
import dev.mailtrail.investigate.importer.Importer;
import dev.mailtrail.investigate.importer.RefusedFile;
import dev.mailtrail.investigate.importer.SkippedFile;
import dev.mailtrail.investigate.importer.TerminalProgressBar;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mt import}: Microsoft 365 audit exports into a case. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Loads audit exports into a case: Purview CSV, Search-UnifiedAuditLog | Export-Csv or"
                    + " ConvertTo-Json, Management Activity API JSON, JSON Lines of AuditData, Microsoft Graph audit"
                    + " log query records, Search-MailboxAuditLog rows, Sentinel OfficeActivity (CSV or JSON),"
                    + " Microsoft-Extractor-Suite's Get-UAL and Get-UALGraph output, told apart by content; and"
                    + " Get-Mailbox | Export-Csv, whose names of each mailbox the case keeps for mt scope. Directories"
                    + " are read recursively; files in them that are no export are skipped and listed. A file that"
                    + " cannot be imported is refused with its reason; the other files are imported all the same.",
            "A record already in the case, from this run or an earlier one, is stored once. A row that cannot be"
                    + " read goes to the case's rejects.jsonl with its file, line and reason.",
            "Exit status: 0 every file imported (rejects are counted, not fatal), 1 a file was refused (no"
                    + " export, missing, or unreadable; the others were imported) or the case could not be written,"
                    + " 2 usage."
        })
public final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--case",
            required = true,
            paramLabel = "DIR",
            description = "The case directory (created if missing).")
    Path caseDirectory;

    @Option(
            names = "--zoneless-dates",
            paramLabel = "ZONE",
            description = "The zone of column dates written without one, when the export was made in local time"
                    + " (default: UTC, as Purview and Search-UnifiedAuditLog write them).")
    String zonelessDates = "UTC";

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Threads parsing records (default: one per processor).")
    Integer workers;

    @Option(names = "--no-progress", description = "No progress line, even on a terminal.")
    boolean noProgress;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Exports, or directories of exports.")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options;
        try {
            options = ImportOptions.defaults().withZonelessDates(ZoneId.of(zonelessDates));
        } catch (DateTimeException badZone) {
            err.println(
                    "mt import: --zoneless-dates: '" + zonelessDates + "' is not a time zone (e.g. UTC, Europe/Paris)");
            return 2;
        }
        if (workers != null) {
            if (workers < 1) {
                err.println("mt import: --workers: must be 1 or more, got " + workers);
                return 2;
            }
            options = options.withWorkers(workers);
        }
        List<Path> missing =
                inputs.stream().filter(input -> !Files.exists(input)).toList();
        if (missing.size() == inputs.size()) {
            // nothing to import: no case is made for it, as mt ingest of a missing file makes no data directory
            missing.forEach(input -> err.println("mt import: " + input + ": refused, no such file or directory"));
            return 1;
        }
        try (CaseRecords records = CaseRecords.openForImport(caseDirectory)) {
            ImportSummary summary;
            try (CaseRecords.Sink sink = records.sink()) {
                summary = new Importer(options, records.knownRecords()).run(inputs, sink, progress(noProgress));
                sink.finish();
                warn(sink, err);
            }
            print(summary, records, out);
            for (RefusedFile refused : summary.refused()) {
                err.println("mt import: " + refused.file() + ": refused, " + refused.reason());
            }
            return summary.complete() ? 0 : 1;
        } catch (IOException failed) {
            err.println("mt import: " + FileFailure.describe(failed));
            return 1;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            err.println("mt import: interrupted; nothing of this run was committed to the case");
            return 1;
        }
    }

    /** A progress bar on a terminal, on standard error; nothing when output is redirected. */
    private static ImportProgress progress(boolean off) {
        return !off && System.console() != null
                ? new TerminalProgressBar(new PrintStream(System.err, true))
                : ImportProgress.NONE;
    }

    /** Values kept as the export wrote them but not read: an investigation relying on them should know. */
    private static void warn(CaseRecords.Sink sink, PrintWriter err) {
        if (sink.recordsWithWarnings() == 0) {
            return;
        }
        err.printf(
                Locale.ROOT,
                "mt import: warning: %d records hold values of another type than Exchange writes, kept as written"
                        + " but not read, e.g.%n",
                sink.recordsWithWarnings());
        sink.warnings().forEach(warning -> err.println("  " + warning));
        err.flush();
    }

    private void print(ImportSummary summary, CaseRecords records, PrintWriter out) throws IOException {
        for (FileSummary file : summary.files()) {
            if (!file.format().holdsRecords()) {
                out.printf(Locale.ROOT, "%s: %s, %d mailbox names linked%n", file.file(), file.format(), file.links());
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%s: %s, %d read, %d imported, %d duplicates, %d rejected%n",
                    file.file(),
                    file.format(),
                    file.read(),
                    file.imported(),
                    file.duplicates(),
                    file.rejected());
        }
        for (SkippedFile skipped : summary.skipped()) {
            out.printf(Locale.ROOT, "%s: skipped, %s%n", skipped.file(), skipped.reason());
        }
        for (RefusedFile refused : summary.refused()) {
            out.printf(Locale.ROOT, "%s: refused, %s%n", refused.file(), refused.reason());
        }
        out.printf(
                Locale.ROOT,
                "imported %d of %d records (%d duplicates, %d rejected) in %.1f s; the case %s holds %d records%n",
                summary.imported(),
                summary.read(),
                summary.duplicates(),
                summary.rejected(),
                summary.elapsed().toMillis() / 1000.0,
                caseDirectory,
                records.size());
        if (!summary.refused().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "%d %s refused (listed above)%s%n",
                    summary.refused().size(),
                    summary.refused().size() == 1 ? "file" : "files",
                    summary.files().isEmpty() && summary.skipped().isEmpty() ? "" : "; the others were imported");
        }
        if (summary.rejected() > 0) {
            out.printf(Locale.ROOT, "rejected rows, with file, line and reason: %s%n", records.rejectsFile());
        }
        out.flush();
    }
}
