package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.search.ExportCsvOutput;
import dev.mailtrail.app.search.JsonLinesOutput;
import dev.mailtrail.app.search.JsonOutput;
import dev.mailtrail.app.search.MailboxEntryCsvOutput;
import dev.mailtrail.app.search.MailboxEntryJsonOutput;
import dev.mailtrail.app.search.MailboxEntryList;
import dev.mailtrail.app.search.PurviewCsvOutput;
import dev.mailtrail.app.search.SearchOutput;
import dev.mailtrail.app.search.UnifiedResultList;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.cmdlet.CmdletArguments;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletLine;
import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A search cmdlet's parameters bound as Exchange binds them: which log, what to match, how many, in which shape.
 * The command line and the API both read a query through here, so one query means the same records in both.
 *
 * @param store the log's directory name in the data directory
 * @param resultSize {@code -ResultSize}: Exchange's default (100 or 1,000) when not given, no maximum
 * @param mailboxes {@code -Identity} or {@code -Mailboxes} of Search-MailboxAuditLog, as typed
 * @param details Search-MailboxAuditLog gives its entries, not one summary per mailbox
 * @param externalAccess {@code -ExternalAccess}: only entries of that value, or null for all
 */
public record SearchRequest(
        String store,
        RecordQuery query,
        long resultSize,
        List<String> mailboxes,
        boolean details,
        Boolean externalAccess,
        SearchFormat format) {
    public static final String UNIFIED_LOG = "unified-audit-log";
    public static final String MAILBOX_LOG = "mailbox-audit-log";
    private static final Instant LAST_DATE = Instant.parse("9999-12-31T00:00:00Z");

    public SearchRequest {
        mailboxes = List.copyOf(mailboxes);
    }

    /** Search-UnifiedAuditLog's parameters; StartDate and EndDate are mandatory, as in Exchange. */
    public static SearchRequest unifiedAuditLog(CmdletLine line) throws CmdletException {
        SearchParameters parameters = parameters(line, ReadingCmdletSyntax.SEARCH_UNIFIED_AUDIT_LOG);
        String missing = Stream.of("StartDate", "EndDate")
                .filter(name -> !parameters.has(name))
                .collect(Collectors.joining(" "));
        if (!missing.isEmpty()) {
            throw new CmdletException(
                    "Cannot process command because of one or more missing mandatory parameters: " + missing + ".");
        }
        RecordQuery query = range(parameters)
                .withRecordTypes(parameters.values("RecordType", text -> {
                    var type = RecordType.parse(text);
                    return type.isPresent() ? type.getAsInt() : null;
                }))
                .withOperations(parameters.texts("Operations"))
                .withUserIds(parameters.texts("UserIds"))
                .withIpAddresses(parameters.texts("IPAddresses"))
                .withObjectIds(parameters.texts("ObjectIds"))
                .withFreeText(parameters.freeText());
        return new SearchRequest(
                UNIFIED_LOG, query, parameters.resultSize(100), List.of(), true, null, parameters.format());
    }

    /** Search-MailboxAuditLog's parameters; the first positional value is {@code -Identity}. */
    public static SearchRequest mailboxAuditLog(CmdletLine line) throws CmdletException {
        SearchParameters parameters = parameters(line, ReadingCmdletSyntax.SEARCH_MAILBOX_AUDIT_LOG);
        Set<String> mailboxes = new LinkedHashSet<>(parameters.texts("Identity"));
        mailboxes.addAll(parameters.texts("Mailboxes"));
        if (parameters.has("Identity") && parameters.has("Mailboxes")) {
            throw new CmdletException("Parameter set cannot be resolved using the specified named parameters."
                    + " Use -Identity for one mailbox or -Mailboxes for several.");
        }
        RecordQuery query = range(parameters)
                .withMailboxes(mailboxes)
                .withLogonTypes(parameters.values(
                        "LogonTypes",
                        text -> LogonType.parse(text).map(LogonType::value).orElse(null)))
                .withOperations(parameters.texts("Operations"));
        boolean details = parameters.switchOn("ShowDetails") || parameters.has("Format");
        Boolean external = parameters.has("ExternalAccess") ? parameters.switchOn("ExternalAccess") : null;
        return new SearchRequest(
                MAILBOX_LOG,
                query,
                parameters.resultSize(1_000),
                List.copyOf(mailboxes),
                details,
                external,
                parameters.format());
    }

    public boolean isMailboxLog() {
        return MAILBOX_LOG.equals(store);
    }

    public SearchRequest withQuery(RecordQuery changed) {
        return new SearchRequest(store, changed, resultSize, mailboxes, details, externalAccess, format);
    }

    public SearchRequest withFormat(SearchFormat changed) {
        return new SearchRequest(store, query, resultSize, mailboxes, true, externalAccess, changed);
    }

    /**
     * The writer of this request's results in its format: the mailbox log's entries or the unified log's results,
     * with {@code -ExternalAccess} applied.
     */
    public SearchOutput output(OutputStream out) throws IOException {
        boolean mailbox = isMailboxLog();
        SearchOutput output =
                switch (format) {
                    case LIST -> {
                        PrintStream text = out instanceof PrintStream print
                                ? print
                                : new PrintStream(out, false, StandardCharsets.UTF_8);
                        yield mailbox ? new MailboxEntryList(text) : new UnifiedResultList(text);
                    }
                    case JSON -> mailbox ? new MailboxEntryJsonOutput(out) : new JsonOutput(out);
                    case JSONL -> new JsonLinesOutput(out);
                    case CSV -> mailbox ? new MailboxEntryCsvOutput(out) : new ExportCsvOutput(out);
                    case PURVIEWCSV -> new PurviewCsvOutput(out);
                };
        return externalAccess == null ? output : externalOnly(output, externalAccess);
    }

    private static SearchParameters parameters(CmdletLine line, dev.mailtrail.core.cmdlet.CmdletSyntax syntax)
            throws CmdletException {
        return new SearchParameters(new CmdletArguments(line, syntax));
    }

    private static RecordQuery range(SearchParameters parameters) throws CmdletException {
        Instant start = parameters.date("StartDate").orElse(Instant.EPOCH);
        Instant end = parameters.date("EndDate").orElse(LAST_DATE);
        if (!end.isAfter(start)) {
            throw new CmdletException("The StartDate must be before the EndDate.");
        }
        return RecordQuery.between(start, end);
    }

    private static SearchOutput externalOnly(SearchOutput output, boolean external) {
        String wanted = "\"ExternalAccess\":" + external;
        return new SearchOutput() {
            private long index;

            @Override
            public void begin(long resultCount) throws IOException {
                output.begin(resultCount);
            }

            @Override
            public void write(FoundRecord record, long resultIndex, long resultCount) throws IOException {
                if (record.auditData().contains(wanted)) {
                    output.write(record, ++index, resultCount);
                }
            }

            @Override
            public void end() throws IOException {
                output.end();
            }
        };
    }
}
