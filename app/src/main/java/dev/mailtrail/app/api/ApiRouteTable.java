package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.LoginGuard;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.console.ConsoleRoutes;
import dev.mailtrail.app.api.console.SearchEndpoints;
import dev.mailtrail.app.api.events.EventsEndpoint;
import dev.mailtrail.app.api.events.IdempotencyKeys;
import dev.mailtrail.app.api.session.SessionEndpoints;
import dev.mailtrail.app.api.status.HealthEndpoint;
import dev.mailtrail.app.api.status.MetricsEndpoint;

/**
 * Every route of the API, one line each: a new endpoint is one class and one line here (and its path in
 * docs/api/openapi.yaml, which a test checks against this table).
 */
final class ApiRouteTable {
    private ApiRouteTable() {}

    static ApiRoutes routes(ApiContext context, IdempotencyKeys keys) {
        SessionEndpoints sessions = new SessionEndpoints(
                context.authentication(), new LoginGuard(context.clock()), context.auditTrail(), context.clock());
        ApiRoutes routes = new ApiRoutes()
                .add("GET", "/api/v1/health", Guard.PUBLIC, new HealthEndpoint(context.pipeline()))
                .add("POST", "/api/v1/session", Guard.PUBLIC, sessions::signIn)
                .add("GET", "/api/v1/session", Guard.SIGNED_IN, sessions::whoAmI)
                .add("DELETE", "/api/v1/session", Guard.SIGNED_IN, sessions::signOut)
                .add(
                        "POST",
                        "/api/v1/events",
                        Right.POST_EVENTS,
                        new EventsEndpoint(context.pipeline(), keys, context.auditTrail()))
                .add("GET", "/metrics", Right.READ_METRICS, new MetricsEndpoint(context.metrics()));
        SearchEndpoints.addTo(routes, context.pipeline(), context.dataDirectory(), context.auditTrail());
        ConsoleRoutes.addTo(routes, context.pipeline(), context.auditTrail());
        return routes;
    }
}
