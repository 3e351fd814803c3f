package dev.mailtrail.app.cmdlet;

import dev.mailtrail.app.search.MailboxSummaryList;
import dev.mailtrail.app.search.SearchOutput;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletLine;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.LuceneAuditLog;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
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
            SearchOutput output = request.output(context.out());
            return run(context, UNIFIED_LOG, log -> stream(log, request.query(), request.resultSize(), output));
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
            return run(context, MAILBOX_LOG, log -> {
                warnOfMailboxesWithoutRecords(log, mailboxes, context);
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
    private static void warnOfMailboxesWithoutRecords(AuditLogSearch log, Set<String> mailboxes, CmdletContext context)
            throws IOException {
        for (String mailbox : mailboxes) {
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
