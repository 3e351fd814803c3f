package dev.mailtrail.app.api.search;

import dev.mailtrail.app.cmdlet.SearchRequest;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.search.SearchOutput;
import dev.mailtrail.core.cmdlet.CmdletException;
import dev.mailtrail.core.cmdlet.CmdletParser;
import dev.mailtrail.core.cmdlet.CmdletSyntaxException;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.ResultPosition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Search-UnifiedAuditLog and Search-MailboxAuditLog driven by query parameters with the cmdlets' names: bound and
 * refused exactly as the command line binds and refuses them, limited to a management scope, and streamed a page at
 * a time to an output stream (memory bounded by the store's page, whatever the result's size), each page ending
 * with the cursor of the next.
 *
 * <p>Differences from the command line, because a page is not a terminal: {@code -Format} is the request's format,
 * and Search-MailboxAuditLog always gives its entries (as {@code -ShowDetails}), never the per-mailbox summary.
 * {@code -ResultSize} keeps Exchange's defaults (100, 1,000) and bounds the whole search across pages; give
 * {@code ResultSize=Unlimited} for everything.
 */
public final class AuditSearchApi {
    public static final String UNIFIED = "Search-UnifiedAuditLog";
    public static final String MAILBOX = "Search-MailboxAuditLog";

    private final AuditLogSearch unifiedLog;
    private final AuditLogSearch mailboxLog;

    /** Searches these logs; they stay the caller's to close. */
    public AuditSearchApi(AuditLogSearch unifiedLog, AuditLogSearch mailboxLog) {
        this.unifiedLog = unifiedLog;
        this.mailboxLog = mailboxLog;
    }

    /** Searches the logs of a running pipeline (what it stored up to its last refresh). */
    public static AuditSearchApi of(AuditBackend pipeline) {
        return new AuditSearchApi(pipeline.unifiedLog(), pipeline.mailboxLog());
    }

    public SearchResult searchUnifiedAuditLog(
            Map<String, List<String>> parameters,
            ExportFormat format,
            MailboxScope scope,
            String cursor,
            long pageSize,
            OutputStream out)
            throws IOException {
        return search(UNIFIED, parameters, format, scope, cursor, pageSize, out);
    }

    public SearchResult searchMailboxAuditLog(
            Map<String, List<String>> parameters,
            ExportFormat format,
            MailboxScope scope,
            String cursor,
            long pageSize,
            OutputStream out)
            throws IOException {
        return search(MAILBOX, parameters, format, scope, cursor, pageSize, out);
    }

    /**
     * The cmdlet line the parameters stand for, as an administrator would type it: what the search's own audit
     * record should show as the query. Empty when a parameter cannot be written as one.
     */
    public static java.util.Optional<String> cmdletLine(String cmdlet, Map<String, List<String>> parameters) {
        try {
            return java.util.Optional.of(QueryLine.render(cmdlet, parameters));
        } catch (QueryLine.Refused refused) {
            return java.util.Optional.empty();
        }
    }

    private SearchResult search(
            String cmdlet,
            Map<String, List<String>> parameters,
            ExportFormat format,
            MailboxScope scope,
            String cursor,
            long pageSize,
            OutputStream out)
            throws IOException {
        SearchRequest request;
        SearchCursor from;
        try {
            if (pageSize < 1) {
                return refused("pageSize", "The page size must be a positive number, not " + pageSize + ".");
            }
            String formatGiven = given(parameters, "Format");
            if (formatGiven != null) {
                return refused(formatGiven, "The API takes the format from the request, not from -Format.");
            }
            var line = CmdletParser.parse(QueryLine.render(cmdlet, parameters));
            request =
                    cmdlet.equals(UNIFIED) ? SearchRequest.unifiedAuditLog(line) : SearchRequest.mailboxAuditLog(line);
            request = scoped(request, scope, parameters).withFormat(format.searchFormat());
            from = cursor == null || cursor.isEmpty() ? null : SearchCursor.decode(cursor);
        } catch (CmdletException | CmdletSyntaxException e) {
            return new SearchResult.Refused(ParameterErrors.of(e.getMessage(), parameters.keySet()));
        } catch (QueryLine.Refused e) {
            return new SearchResult.Refused(e.error());
        }
        return page(request, from, pageSize, out);
    }

    private SearchResult page(SearchRequest request, SearchCursor from, long pageSize, OutputStream out)
            throws IOException {
        AuditLogSearch log = request.isMailboxLog() ? mailboxLog : unifiedLog;
        long before = from == null ? 0 : from.before();
        long limit = Math.min(pageSize, Math.max(0, request.resultSize() - before));
        long total = log.count(request.query());
        SearchOutput output = request.output(out);
        output.begin(total);
        long[] visited = {0};
        ResultPosition[] last = {null};
        boolean[] more = {false};
        if (limit > 0) {
            try {
                log.search(
                        request.query(),
                        from == null ? null : from.position(),
                        limit == Long.MAX_VALUE ? limit : limit + 1,
                        found -> {
                            if (visited[0] == limit) {
                                more[0] = true;
                                return false;
                            }
                            visited[0]++;
                            last[0] = ResultPosition.of(found);
                            try {
                                output.write(found, before + visited[0], total);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            return true;
                        });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        output.end();
        long reached = before + visited[0];
        String next = more[0] && reached < request.resultSize() ? new SearchCursor(last[0], reached).encode() : null;
        return new SearchResult.Page(visited[0], total, next);
    }

    /**
     * The request within a management scope: the unified log's results only of the scope's mailboxes; the mailbox
     * log's only of them, a query naming another refused.
     */
    private static SearchRequest scoped(SearchRequest request, MailboxScope scope, Map<String, List<String>> given)
            throws QueryLine.Refused {
        if (scope.unrestricted()) {
            return request;
        }
        if (scope.mailboxes().isEmpty()) {
            throw new QueryLine.Refused(
                    new ApiError(null, "Your management scope holds no mailbox: there is nothing you may search."));
        }
        for (String mailbox : request.mailboxes()) {
            if (!scope.allows(mailbox)) {
                String parameter =
                        given(given, "Identity") != null ? given(given, "Identity") : given(given, "Mailboxes");
                throw new QueryLine.Refused(new ApiError(parameter, scope.refusal(mailbox)));
            }
        }
        if (!request.mailboxes().isEmpty()) {
            return request;
        }
        return request.withQuery(request.query().withMailboxes(scope.mailboxes()));
    }

    /** The parameter's name as given, in any case; null when not given. */
    private static String given(Map<String, List<String>> parameters, String name) {
        return parameters.keySet().stream()
                .filter(name::equalsIgnoreCase)
                .findFirst()
                .orElse(null);
    }

    private static SearchResult refused(String parameter, String message) {
        return new SearchResult.Refused(new ApiError(parameter, message));
    }
}
