package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.Principal;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * An API request as an endpoint sees it: method, path, query parameters (repeatable, as {@code ?UserIds=a&UserIds=b}),
 * headers, the body as a stream (read it once, in bounded pieces), the caller and the client's address.
 */
public final class ApiRequest {
    private final Request request;
    private final Principal principal;
    private final Fields query;
    private final String csrfToken;

    ApiRequest(Request request, Principal principal, String csrfToken) {
        this.request = request;
        this.principal = principal;
        this.csrfToken = csrfToken;
        this.query = Request.extractQueryParameters(request);
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    /** The authenticated caller; null only on a {@link Guard#PUBLIC} route reached without credentials. */
    public Principal principal() {
        return principal;
    }

    /** The CSRF token of the caller's session; null when the caller came with a token or not at all. */
    public String csrfToken() {
        return csrfToken;
    }

    /** The client's IP address as the connection has it (no forwarding headers are believed). */
    public String clientIp() {
        return Request.getRemoteAddr(request);
    }

    /** A header's first value, or null. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter's first value, or null. */
    public String query(String name) {
        return query.getValue(name);
    }

    /** Every value of a query parameter, in order; empty when absent. */
    public List<String> queryAll(String name) {
        List<String> values = query.getValues(name);
        return values == null ? List.of() : values;
    }

    /** Every query parameter with its values, in the order given. */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Fields.Field field : query) {
            all.put(field.getName(), field.getValues());
        }
        return all;
    }

    /** The raw query string (for the audit trail), or "" when there is none. */
    public String queryString() {
        String q = request.getHttpURI().getQuery();
        return q == null ? "" : q;
    }

    /** The body; blocks while it arrives. */
    public InputStream body() {
        return Content.Source.asInputStream(request);
    }
}
