package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.Right;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The route table: one line per endpoint, as Dovecot's command table has one line per command, e.g.
 * {@code routes.add("GET", "/api/v1/audit/unified", Right.SEARCH, new UnifiedSearchEndpoint(...))}. Paths are exact
 * (parameters travel in the query string). docs/api/openapi.yaml must name every route (a test holds them together).
 */
public final class ApiRoutes {
    private final List<Route> routes = new ArrayList<>();

    /** A route for callers holding {@code right}. */
    public ApiRoutes add(String method, String path, Right right, Endpoint endpoint) {
        return add(method, path, Guard.needs(right), endpoint);
    }

    public synchronized ApiRoutes add(String method, String path, Guard guard, Endpoint endpoint) {
        String upper = method.toUpperCase(Locale.ROOT);
        if (find(upper, path).isPresent()) {
            throw new IllegalArgumentException(upper + " " + path + " is registered twice");
        }
        routes.add(new Route(upper, path, guard, endpoint));
        return this;
    }

    public synchronized List<Route> routes() {
        return List.copyOf(routes);
    }

    synchronized Optional<Route> find(String method, String path) {
        return routes.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst();
    }

    /** The methods a path answers to, for a 405's {@code Allow}; empty when the path is unknown. */
    synchronized String allowed(String path) {
        return routes.stream()
                .filter(r -> r.path().equals(path))
                .map(Route::method)
                .collect(Collectors.joining(", "));
    }
}
