package dev.mailtrail.app.api.investigate;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.api.search.AuditSearchApi;
import dev.mailtrail.app.api.search.ExportFormat;
import dev.mailtrail.app.api.search.SearchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit/unified} and {@code /api/v1/audit/mailbox} (a page to read: at most {@link #PAGE_LIMIT}
 * results, the next page's cursor in {@code X-MailTrail-Next-Cursor}) and their {@code /export} (every result,
 * streamed as it is read, in JSON Lines, Purview CSV, Export-Csv or ConvertTo-Json). The cmdlets' parameters are
 * query parameters ({@code StartDate}, {@code Operations}, {@code Identity} …); {@code format}, {@code cursor} and
 * {@code pageSize} are the API's own. Each call is recorded before its results are sent.
 */
public final class SearchEndpoint implements Endpoint {
    /** The most results one page for reading holds; an export has no maximum. */
    public static final long PAGE_LIMIT = 1_000;

    public static final String NEXT_CURSOR = "X-MailTrail-Next-Cursor";
    public static final String RESULT_COUNT = "X-MailTrail-Result-Count";

    private final AuditSearchApi search;
    private final ApiAuditTrail trail;
    private final String cmdlet;
    private final boolean export;

    /**
     * @param cmdlet {@link AuditSearchApi#UNIFIED} or {@link AuditSearchApi#MAILBOX}
     * @param export whether this is the route that exports whole results
     */
    public SearchEndpoint(AuditSearchApi search, ApiAuditTrail trail, String cmdlet, boolean export) {
        this.search = search;
        this.trail = trail;
        this.cmdlet = cmdlet;
        this.export = export;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        Map<String, List<String>> parameters = new LinkedHashMap<>(request.queryParameters());
        ExportFormat format = format(single(parameters.remove("format"), "format"));
        String cursor = single(parameters.remove("cursor"), "cursor");
        long pageSize = pageSize(single(parameters.remove("pageSize"), "pageSize"));
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Query", AuditSearchApi.cmdletLine(cmdlet, parameters).orElse(request.queryString()));
        recorded.put("Format", format.name());
        recorded.put("Endpoint", "GET " + request.path());
        trail.record(
                request.principal().name(),
                export ? ApiOperation.EXPORT : ApiOperation.SEARCH,
                recorded,
                request.clientIp());
        if (export) {
            LazyAnswer out = new LazyAnswer(response, 200, format.contentType());
            SearchResult result = run(parameters, format, request, cursor, pageSize, out);
            if (result instanceof SearchResult.Refused refused) {
                throw ApiScopes.refusal(refused.error());
            }
            if (!out.started()) {
                response.stream(200, format.contentType());
            }
            return;
        }
        // a page is small: held, so that its cursor can go in a header before it
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        SearchResult result = run(parameters, format, request, cursor, pageSize, page);
        switch (result) {
            case SearchResult.Refused refused -> throw ApiScopes.refusal(refused.error());
            case SearchResult.Page done -> {
                if (done.nextCursor() != null) {
                    response.header(NEXT_CURSOR, done.nextCursor());
                }
                response.header(RESULT_COUNT, Long.toString(done.matching()));
                response.stream(200, format.contentType()).write(page.toByteArray());
            }
        }
    }

    private SearchResult run(
            Map<String, List<String>> parameters,
            ExportFormat format,
            ApiRequest request,
            String cursor,
            long pageSize,
            java.io.OutputStream out)
            throws IOException {
        var scope = ApiScopes.of(request.principal());
        return AuditSearchApi.UNIFIED.equals(cmdlet)
                ? search.searchUnifiedAuditLog(parameters, format, scope, cursor, pageSize, out)
                : search.searchMailboxAuditLog(parameters, format, scope, cursor, pageSize, out);
    }

    private ExportFormat format(String name) throws ApiException {
        if (name == null || name.equalsIgnoreCase("jsonl")) {
            return ExportFormat.JSON_LINES;
        }
        if (name.equalsIgnoreCase("json")) {
            return ExportFormat.CONVERT_TO_JSON;
        }
        if (export && name.equalsIgnoreCase("csv")) {
            return ExportFormat.PURVIEW_CSV;
        }
        if (export && name.equalsIgnoreCase("exportcsv")) {
            return ExportFormat.EXPORT_CSV;
        }
        throw new ApiException(
                400,
                "invalid_parameter",
                "format " + name + " is not served here: give "
                        + (export ? "jsonl, json, csv or exportcsv" : "jsonl or json")
                        + (export ? "" : " (CSV files come from the /export route)"),
                Map.of("parameter", "format"));
    }

    private long pageSize(String text) throws ApiException {
        if (text == null) {
            return export ? Long.MAX_VALUE : 100;
        }
        long size;
        try {
            size = Long.parseLong(text);
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || !export && size > PAGE_LIMIT) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    "pageSize must be a whole number from 1"
                            + (export ? "" : " to " + PAGE_LIMIT + " (the /export" + " route streams every result)")
                            + ", not " + text,
                    Map.of("parameter", "pageSize"));
        }
        return size;
    }

    private static String single(List<String> values, String name) throws ApiException {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ApiException(
                    400,
                    "invalid_parameter",
                    name + " is given " + values.size() + " times",
                    Map.of("parameter", name));
        }
        return values.get(0);
    }
}
