package dev.mailtrail.app.api.console;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.ApiRoutes;
import dev.mailtrail.app.api.access.ManagementScope;
import dev.mailtrail.app.api.access.Principal;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.api.search.ApiError;
import dev.mailtrail.app.api.search.AuditSearchApi;
import dev.mailtrail.app.api.search.ExportFormat;
import dev.mailtrail.app.api.search.MailboxScope;
import dev.mailtrail.app.api.search.ScopeApi;
import dev.mailtrail.app.api.search.SearchResult;
import dev.mailtrail.app.pipeline.AuditPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The search, export and scope endpoints over {@code app.api.search}: a page of a search (with the cursor of the
 * next in {@code X-Next-Cursor} and the count of matches in {@code X-Result-Count}), a whole export streamed, and the
 * scope of a compromise as {@code mt scope --format json} writes it. Each is recorded before its answer goes out.
 */
public final class SearchEndpoints {
    public static final String UNIFIED = "/api/v1/audit/unified";
    public static final String UNIFIED_EXPORT = "/api/v1/audit/unified/export";
    public static final String MAILBOX = "/api/v1/audit/mailbox";
    public static final String SCOPE = "/api/v1/scope";
    private static final Set<String> PAGING = Set.of("format", "cursor", "pageSize");
    private static final int MAX_PAGE = 1_000;

    private final AuditSearchApi search;
    private final ScopeApi scope;
    private final ApiAuditTrail trail;

    SearchEndpoints(AuditSearchApi search, ScopeApi scope, ApiAuditTrail trail) {
        this.search = search;
        this.scope = scope;
        this.trail = trail;
    }

    public static ApiRoutes addTo(ApiRoutes routes, AuditPipeline pipeline, Path dataDirectory, ApiAuditTrail trail) {
        SearchEndpoints endpoints =
                new SearchEndpoints(AuditSearchApi.of(pipeline), new ScopeApi(dataDirectory), trail);
        return routes.add("GET", UNIFIED, Right.SEARCH, endpoints::unifiedPage)
                .add("GET", UNIFIED_EXPORT, Right.EXPORT, endpoints::unifiedExport)
                .add("GET", MAILBOX, Right.SEARCH, endpoints::mailboxPage)
                .add("GET", SCOPE, Right.SEARCH, endpoints::scope);
    }

    void unifiedPage(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        page(AuditSearchApi.UNIFIED, request, response);
    }

    void mailboxPage(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        page(AuditSearchApi.MAILBOX, request, response);
    }

    /** A page is small (at most {@value #MAX_PAGE} results), so it is made first and its cursor sent as a header. */
    private void page(String cmdlet, ApiRequest request, ApiResponse response) throws IOException, ApiException {
        ExportFormat format = format(request);
        long pageSize = pageSize(request);
        Map<String, List<String>> parameters = cmdletParameters(request);
        record(request, ApiOperation.SEARCH, cmdlet, parameters, format);
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        SearchResult result = cmdlet.equals(AuditSearchApi.UNIFIED)
                ? search.searchUnifiedAuditLog(
                        parameters, format, scopeOf(request.principal()), request.query("cursor"), pageSize, page)
                : search.searchMailboxAuditLog(
                        parameters, format, scopeOf(request.principal()), request.query("cursor"), pageSize, page);
        switch (result) {
            case SearchResult.Refused refused -> throw refusal(refused.error());
            case SearchResult.Page p -> {
                response.header("X-Result-Count", Long.toString(p.matching()));
                if (p.nextCursor() != null) {
                    response.header("X-Next-Cursor", p.nextCursor());
                }
                response.stream(200, format.contentType()).write(page.toByteArray());
            }
        }
    }

    /** The whole search, as it is found: no page, no cap, memory bounded by the store's page. */
    void unifiedExport(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        ExportFormat format = format(request);
        Map<String, List<String>> parameters = cmdletParameters(request);
        parameters.putIfAbsent("ResultSize", List.of("Unlimited"));
        record(request, ApiOperation.EXPORT, AuditSearchApi.UNIFIED, parameters, format);
        // refused parameters must answer 400 before the 200 goes out: a first pass of one result checks them
        SearchResult check = search.searchUnifiedAuditLog(
                parameters, format, scopeOf(request.principal()), null, 1, OutputStream.nullOutputStream());
        if (check instanceof SearchResult.Refused refused) {
            throw refusal(refused.error());
        }
        response.header("Content-Disposition", "attachment; filename=\"audit-search." + extension(format) + "\"");
        search.searchUnifiedAuditLog(
                parameters,
                format,
                scopeOf(request.principal()),
                null,
                Long.MAX_VALUE,
                response.stream(200, format.contentType()));
    }

    void scope(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        Map<String, List<String>> parameters = request.queryParameters();
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Query", request.queryString());
        recorded.put("Mailboxes", String.join(",", parameters.getOrDefault("mailbox", List.of())));
        recorded.put("Endpoint", request.path());
        trail.record(request.principal().name(), ApiOperation.SCOPE, recorded, request.clientIp());
        StringWriter json = new StringWriter();
        Optional<ApiError> error = scope.scope(parameters, scopeOf(request.principal()), json);
        if (error.isPresent()) {
            throw refusal(error.get());
        }
        Writer out = new OutputStreamWriter(response.stream(200, "application/json"), StandardCharsets.UTF_8);
        out.write(json.toString());
        out.flush();
    }

    private void record(
            ApiRequest request,
            ApiOperation operation,
            String cmdlet,
            Map<String, List<String>> parameters,
            ExportFormat format)
            throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Query", AuditSearchApi.cmdletLine(cmdlet, parameters).orElse(cmdlet + " " + parameters));
        recorded.put("Mailboxes", request.principal().scope().toString());
        recorded.put("Format", format.name());
        recorded.put("Endpoint", request.path());
        trail.record(request.principal().name(), operation, recorded, request.clientIp());
    }

    private static Map<String, List<String>> cmdletParameters(ApiRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>(request.queryParameters());
        parameters.keySet().removeIf(PAGING::contains);
        return parameters;
    }

    private static ExportFormat format(ApiRequest request) throws ApiException {
        String given = request.query("format");
        return switch (given == null ? "jsonl" : given.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> ExportFormat.JSON_LINES;
            case "csv", "purviewcsv" -> ExportFormat.PURVIEW_CSV;
            case "json" -> ExportFormat.CONVERT_TO_JSON;
            case "exportcsv" -> ExportFormat.EXPORT_CSV;
            default ->
                throw ApiException.badRequest(
                        "format must be jsonl, csv (Purview's CSV), json (ConvertTo-Json) or exportcsv, not " + given);
        };
    }

    private static long pageSize(ApiRequest request) throws ApiException {
        String given = request.query("pageSize");
        if (given == null) {
            return 100;
        }
        try {
            long size = Long.parseLong(given);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("pageSize must be a number from 1 to " + MAX_PAGE + ", not " + given);
    }

    private static String extension(ExportFormat format) {
        return switch (format) {
            case JSON_LINES -> "jsonl";
            case PURVIEW_CSV, EXPORT_CSV -> "csv";
            case CONVERT_TO_JSON -> "json";
        };
    }

    static MailboxScope scopeOf(Principal principal) {
        ManagementScope scope = principal.scope();
        return scope.whole() ? MailboxScope.all() : MailboxScope.of(scope.mailboxes());
    }

    private static ApiException refusal(ApiError error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parameter", error.parameter());
        return new ApiException(400, "bad_request", error.message(), details);
    }
}
