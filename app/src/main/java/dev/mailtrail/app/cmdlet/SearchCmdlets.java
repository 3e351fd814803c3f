package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.cluster.ClusterLogs;
import dev.mailtrail.app.cluster.ClusterPointer;
import dev.mailtrail.app.search.MailboxSummaryList;
import dev.mailtrail.app.search.SearchOutput;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletLine;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.core.generate.OpenAggregation;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Search-UnifiedAuditLog and Search-MailboxAuditLog over the stores, with Exchange's parameter names and default
 * result sizes (100 and 1,000) but no maximum: results stream newest first. They read the stores' last commit,
 * so they run beside a process that is writing them.
 */
final class SearchCmdlets {
    static final String UNIFIED_LOG = SearchRequest.UNIFIED_LOG;
    static final String MAILBOX_LOG = SearchRequest.MAILBOX_LOG;

    private SearchCmdlets() {}

    static int searchUnifiedAuditLog(String line, CmdletContext context) throws IOException {
        try {
            SearchRequest request = SearchRequest.unifiedAuditLog(parse(line));
            RecordQuery query = request.query();
            SearchOutput output = request.output(context.out());
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
                stream(log, query, request.resultSize(), output);
            });
        } catch (CmdletException e) {
            context.err().println(e.getMessage());
            return 1;
        }
    }

    static int searchMailboxAuditLog(String line, CmdletContext context) throws IOException {
        try {
            SearchRequest request = SearchRequest.mailboxAuditLog(parse(line));
            Set<String> mailboxes = new LinkedHashSet<>(request.mailboxes());
            SearchOutput output = request.details() ? request.output(context.out()) : null;
            List<OpenAggregation> open = asked(OpenAggregations.of(context), request.query());
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
                            request.query().start(),
                            mailbox + ": ",
                            context.err())) {
                        explained.add(mailbox);
                    }
                }
                warnOfMailboxesWithoutRecords(log, mailboxes, explained, context);
                if (!request.details()) {
                    MailboxSummaryList.write(log, request.query(), request.mailboxes(), context.out());
                    return;
                }
                stream(log, request.query(), request.resultSize(), output);
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

    private static CmdletLine parse(String line) throws CmdletException {
        try {
            return CmdletParser.parse(line);
        } catch (CmdletSyntaxException e) {
            throw new CmdletException(e.getMessage());
        }
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
        var cluster = ClusterPointer.read(context.data());
        if (cluster.isPresent()) {
            // the directory's process journals to a cluster: its records are there, not here (decision 0033)
            try (AuditLogSearch log = ClusterLogs.open(cluster.get(), store)) {
                work.run(log);
            }
            context.out().flush();
            return 0;
        }
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
