package dev.mailtrail.app.investigate;

import dev.mailtrail.app.admin.AdminDate;
import dev.mailtrail.app.files.FileFailure;
import dev.mailtrail.app.files.PrivateFiles;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.report.ScopeCsv;
import dev.mailtrail.investigate.report.ScopeHtml;
import dev.mailtrail.investigate.report.ScopeJson;
import dev.mailtrail.investigate.report.ScopeText;
import dev.mailtrail.investigate.scope.AttackerHints;
import dev.mailtrail.investigate.scope.KnownMessage;
import dev.mailtrail.investigate.scope.MessageCatalogue;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.ScopeAnalysis;
import dev.mailtrail.investigate.scope.ScopeQuery;
import dev.mailtrail.investigate.trace.MessageTraceCsv;
import dev.mailtrail.investigate.trace.MessageTraceException;
import dev.mailtrail.investigate.trace.TracedMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mt scope}: which mail did the attacker read, from a case. */
@Command(
        name = "scope",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "States the scope of a compromise for one mailbox from a case's records (Microsoft's procedure,"
                    + " automated): the messages the attacker read (Bind), the folders taken whole (Sync), where the"
                    + " record is blind (throttling, auditing off, audit bypass, MailItemsAccessed removed, no"
                    + " records), and what else they did (sends, inbox rules, permissions, deletes, moves).",
            "The mailbox is known by every name the case learned for it (UPN, mailbox GUID, SIDs, UserKey,"
                    + " ExternalDirectoryObjectId, display name, legacy DN: from its records and from an imported"
                    + " Get-Mailbox | Export-Csv); the output says which were merged and from which records.",
            "Name the attacker by IP (any port), SessionId or acting account; with none, the mailbox's whole activity"
                    + " is listed and suspicious sessions are proposed for you to confirm.",
            "Exit status: 0 done, 1 the case could not be read or the report not written, 2 usage."
        })
public final class ScopeCommand implements Callable<Integer> {
    /** The output formats of the summary on standard output. */
    public enum Format {
        TEXT,
        JSON,
        CSV
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--case",
            required = true,
            paramLabel = "DIR",
            description = "The case directory (mt import), or a MailTrail data directory.")
    Path caseDirectory;

    @Option(names = "--mailbox", required = true, paramLabel = "UPN", description = "The compromised mailbox.")
    String mailbox;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "Start of the window (2026-03-01, 2026-03-01 09:00, 3/1/2026 9:00 PM, ISO with a zone;"
                    + " UTC unless a zone is given).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "End of the window (exclusive), same forms as --from.")
    String to;

    @Option(names = "--attacker-ip", paramLabel = "IP", split = ",", description = "The attacker's client IPs.")
    List<String> attackerIps = List.of();

    @Option(names = "--attacker-session", paramLabel = "ID", split = ",", description = "The attacker's SessionIds.")
    List<String> attackerSessions = List.of();

    @Option(
            names = "--attacker-user",
            paramLabel = "UPN",
            split = ",",
            description = "Accounts the attacker acted as (UserId).")
    List<String> attackerUsers = List.of();

    @Option(
            names = "--message-trace",
            paramLabel = "FILE",
            description = "A message trace CSV (Get-MessageTrace | Export-Csv, or the admin center's report) that"
                    + " gives the sender and date of the messages read; may be repeated.")
    List<Path> messageTraces = List.of();

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path report;

    @Option(
            names = "--format",
            paramLabel = "text|json|csv",
            description = "Standard output: a one-screen summary (text, the default), JSON, or CSV of every finding.")
    Format format = Format.TEXT;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant start;
        Instant end;
        ScopeQuery query;
        try {
            start = date("--from", from);
            end = date("--to", to);
            AttackerHints hints = new AttackerHints(
                    java.util.Set.copyOf(attackerIps),
                    java.util.Set.copyOf(attackerSessions),
                    java.util.Set.copyOf(attackerUsers));
            query = new ScopeQuery(mailbox, start, end, hints);
        } catch (IllegalArgumentException bad) {
            err.println("mt scope: " + bad.getMessage());
            return 2;
        }
        MessageCatalogue catalogue = new MessageCatalogue();
        try {
            for (Path trace : messageTraces) {
                for (TracedMessage message : new MessageTraceCsv().read(trace)) {
                    if (message.internetMessageId() != null) {
                        catalogue.learn(
                                message.internetMessageId(),
                                new KnownMessage(message.subject(), message.sender(), message.received()));
                    }
                }
            }
        } catch (IOException | MessageTraceException unreadable) {
            err.println("mt scope: --message-trace: " + unreadable.getMessage());
            return 1;
        }
        Scope scope;
        try {
            scope = analyse(caseDirectory, query, catalogue);
            if (scope.records() == 0) {
                err.println("mt scope: no record of the case concerns " + mailbox
                        + (start == null && end == null ? "" : " in the window")
                        + " (it is matched, by every name the case knows it by, against MailboxOwnerUPN, MailboxGuid,"
                        + " a cmdlet's -Identity, -Mailbox and ObjectId, and UserId; import a Get-Mailbox | Export-Csv"
                        + " to teach the case its GUIDs and legacy DN)");
            }
        } catch (IOException | UncheckedIOException failed) {
            err.println("mt scope: " + failed.getMessage());
            return 1;
        }
        try {
            if (report != null) {
                try (Writer html = new java.io.BufferedWriter(PrivateFiles.newWriter(report))) {
                    new ScopeHtml().write(scope, html);
                }
            }
            switch (format) {
                case TEXT -> new ScopeText().write(scope, out);
                case JSON -> new ScopeJson().write(scope, out);
                case CSV -> new ScopeCsv().write(scope, out);
            }
            if (report != null && format == Format.TEXT) {
                out.println();
                out.println("HTML report: " + report.toAbsolutePath());
            }
            out.flush();
            return 0;
        } catch (IOException failed) {
            err.println("mt scope: " + (report == null ? "writing the output: " : "--report ")
                    + FileFailure.describe(failed));
            return 1;
        }
    }

    /**
     * The scope of a compromise from a case directory or a data directory: what {@code mt scope} reports, in every
     * format, and what the API serves.
     */
    public static Scope analyse(Path caseDirectory, ScopeQuery query, MessageCatalogue catalogue) throws IOException {
        try (CaseRecords records = CaseRecords.openForReading(caseDirectory)) {
            List<AuditRecord> relevant =
                    records.recordsForScope(query.mailbox(), query.attacker().userIds());
            return new ScopeAnalysis().analyse(relevant, query, catalogue, records.mailboxes());
        }
    }

    private static Instant date(String option, String text) {
        if (text == null) {
            return null;
        }
        return AdminDate.parse(text)
                .orElseThrow(() -> new IllegalArgumentException(option + ": '" + text + "' is not a date (use"
                        + " 2026-03-01, 2026-03-01 09:00, 3/1/2026 9:00 PM or 2026-03-01T09:00:00+01:00)"));
    }
}
