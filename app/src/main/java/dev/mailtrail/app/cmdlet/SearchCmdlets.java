package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.search.ExportCsvOutput;
import dev.mailtrail.app.search.JsonLinesOutput;
import dev.mailtrail.app.search.JsonOutput;
import dev.mailtrail.app.search.MailboxEntryCsvOutput;
import dev.mailtrail.app.search.MailboxEntryJsonOutput;
import dev.mailtrail.app.search.MailboxEntryList;
import dev.mailtrail.app.search.MailboxSummaryList;
import dev.mailtrail.app.search.PurviewCsvOutput;
import dev.mailtrail.app.search.SearchOutput;
import dev.mailtrail.app.search.UnifiedResultList;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.cmdlet.CmdletArguments;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.core.generate.OpenAggregation;
import dev.mailtrail.core.record.RecordType;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Search-UnifiedAuditLog and Search-MailboxAuditLog over the stores, with Exchange's parameter names and default
 * result sizes (100 and 1,000) but no maximum: results stream newest first. They read the stores' last commit,
 * so they run beside a process that is writing them.
 */
final class SearchCmdlets {
    static final String UNIFIED_LOG = "unified-audit-log";
    static final String MAILBOX_LOG = "mailbox-audit-log";

    private SearchCmdlets() {}

    static int searchUnifiedAuditLog(String line, CmdletContext context) throws IOException {
        try {
            SearchParameters parameters = parameters(line, ReadingCmdletSyntax.SEARCH_UNIFIED_AUDIT_LOG);
            String missing = java.util.stream.Stream.of("StartDate", "EndDate")
                    .filter(name -> !parameters.has(name))
                    .collect(java.util.stream.Collectors.joining(" "));
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
            long limit = parameters.resultSize(100);
            SearchOutput output = output(parameters, context, false);
            List<OpenAggregation> open = asked(OpenAggregations.of(context), query).stream()
                    .filter(window -> query.userIds().isEmpty()
                            || query.userIds().stream()
                                    .anyMatch(user -> user.equalsIgnoreCase(window.actor())
                                            || user.equalsIgnoreCase(window.mailbox())))
                    .toList();
            if (query.userIds().isEmpty()) {
                SearchNotices.openWindows(open, context.clock(), context.err());
            } else {
                open.stream()
                        .map(OpenAggregation::mailbox)
                        .distinct()
                        .forEach(mailbox -> SearchNotices.openWindows(mailbox, open, context.clock(), context.err()));
            }
            return run(context, UNIFIED_LOG, log -> {
                SearchNotices.purged(
                        log.purgeMark(ChainScheme.ORGANIZATION_CHAIN),
                        query.start(),
                        "the unified audit log's ",
                        context.err());
                stream(log, query, limit, output);
            });
        } catch (CmdletException e) {
            context.err().println(e.getMessage());
            return 1;
        }
    }

    static int searchMailboxAuditLog(String line, CmdletContext context) throws IOException {
        try {
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
            long limit = parameters.resultSize(1_000);
            boolean details = parameters.switchOn("ShowDetails") || parameters.has("Format");
            Boolean external = parameters.has("ExternalAccess") ? parameters.switchOn("ExternalAccess") : null;
            SearchOutput output = details ? output(parameters, context, true) : null;
            List<OpenAggregation> open = asked(OpenAggregations.of(context), query);
            Set<String> explained = new java.util.HashSet<>();
            for (String mailbox : mailboxes) {
                if (SearchNotices.openWindows(mailbox, open, context.clock(), context.err())) {
                    explained.add(mailbox);
                }
            }
            return run(context, MAILBOX_LOG, log -> {
                for (String mailbox : mailboxes) {
                    if (SearchNotices.purged(
                            log.purgeMark(ChainScheme.mailboxChain(mailbox)),
                            query.start(),
                            mailbox + ": ",
                            context.err())) {
                        explained.add(mailbox);
                    }
                }
                warnOfMailboxesWithoutRecords(log, mailboxes, explained, context);
                if (!details) {
                    List<String> each = mailboxes.isEmpty() ? List.of() : new ArrayList<>(mailboxes);
                    MailboxSummaryList.write(log, query, each, context.out());
                    return;
                }
                stream(log, query, limit, external == null ? output : externalOnly(output, external));
            });
        } catch (CmdletException e) {
            context.err().println(e.getMessage());
            return 1;
        }
    }

    /**
     * A mailbox the log holds no record of at any date is named on the error stream, as PowerShell warns: an empty
     * result for a misspelt address must not read as "nobody opened this mailbox".
     */
    private static void warnOfMailboxesWithoutRecords(
            AuditLogSearch log, Set<String> mailboxes, Set<String> explained, CmdletContext context)
            throws IOException {
        for (String mailbox : mailboxes) {
            if (explained.contains(mailbox)) {
                continue;
            }
            RecordQuery ever = RecordQuery.between(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"))
                    .withMailboxes(Set.of(mailbox));
            if (log.count(ever) == 0) {
                context.err()
                        .println("WARNING: The mailbox audit log holds no records of '" + mailbox
                                + "' at any date: check the address, and that its audit actions are enabled"
                                + " (Get-Mailbox -Identity " + mailbox + ").");
            }
        }
    }

    /** The open windows whose record would fall in the asked range and operations. */
    private static List<OpenAggregation> asked(List<OpenAggregation> open, RecordQuery query) {
        boolean readsAsked = query.operations().isEmpty()
                || query.operations().stream().anyMatch(o -> o.equalsIgnoreCase("MailItemsAccessed"));
        return open.stream()
                .filter(window -> readsAsked
                        && !window.start().isBefore(query.start())
                        && window.start().isBefore(query.end()))
                .toList();
    }

    private static SearchParameters parameters(String line, dev.mailtrail.core.cmdlet.CmdletSyntax syntax)
            throws CmdletException {
        try {
            return new SearchParameters(new CmdletArguments(CmdletParser.parse(line), syntax));
        } catch (CmdletSyntaxException e) {
            throw new CmdletException(e.getMessage());
        }
    }

    private static RecordQuery range(SearchParameters parameters) throws CmdletException {
        Instant start = parameters.date("StartDate").orElse(Instant.EPOCH);
        Instant end = parameters.date("EndDate").orElse(Instant.parse("9999-12-31T00:00:00Z"));
        if (!end.isAfter(start)) {
            throw new CmdletException("The StartDate must be before the EndDate.");
        }
        return RecordQuery.between(start, end);
    }

    private static SearchOutput output(SearchParameters parameters, CmdletContext context, boolean mailbox)
            throws CmdletException {
        try {
            return switch (parameters.format()) {
                case LIST -> mailbox ? new MailboxEntryList(context.out()) : new UnifiedResultList(context.out());
                case JSON -> mailbox ? new MailboxEntryJsonOutput(context.out()) : new JsonOutput(context.out());
                case JSONL -> new JsonLinesOutput(context.out());
                case CSV -> mailbox ? new MailboxEntryCsvOutput(context.out()) : new ExportCsvOutput(context.out());
                case PURVIEWCSV -> new PurviewCsvOutput(context.out());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            public void write(dev.mailtrail.store.log.FoundRecord record, long resultIndex, long resultCount)
                    throws IOException {
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

    private static void stream(AuditLogSearch log, RecordQuery query, long limit, SearchOutput output)
            throws IOException {
        long total = log.count(query);
        output.begin(total);
        long[] index = {0};
        try {
            log.search(query, limit, found -> {
                try {
                    output.write(found, ++index[0], total);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        output.end();
    }

    private static int run(CmdletContext context, String store, StoreWork work) throws IOException {
        Path path = context.data().resolve(store);
        if (!Files.exists(path)) {
            context.err().println("mt: nothing is stored in " + context.data() + " yet (no " + store + ")");
            return 0;
        }
        try (LuceneAuditLog log = LuceneAuditLog.openForSearch(path)) {
            work.run(log);
        }
        context.out().flush();
        return 0;
    }

    @FunctionalInterface
    private interface StoreWork {
        void run(AuditLogSearch log) throws IOException;
    }
}
