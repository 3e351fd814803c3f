package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.LoginGuard;
import dev.mailtrail.app.api.access.Right;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.console.ConsoleRoutes;
import dev.mailtrail.app.api.events.EventsEndpoint;
import dev.mailtrail.app.api.events.IdempotencyKeys;
import dev.mailtrail.app.api.investigate.ConfigurationEndpoint;
import dev.mailtrail.app.api.investigate.ScopeEndpoint;
import dev.mailtrail.app.api.investigate.SearchEndpoint;
import dev.mailtrail.app.api.search.AuditSearchApi;
import dev.mailtrail.app.api.search.ConfigurationApi;
import dev.mailtrail.app.api.search.ScopeApi;
import dev.mailtrail.app.api.sensor.DovecotEventsEndpoint;
import dev.mailtrail.app.api.session.SessionEndpoints;
import dev.mailtrail.app.api.status.HealthEndpoint;
import dev.mailtrail.app.api.status.MetricsEndpoint;

/**
 * Every route of the API, one line each: a new endpoint is one class and one line here (and its path in
 * docs/api/openapi.yaml, which a test checks against this table).
 */
final class ApiRouteTable {
    private ApiRouteTable() {}

    static ApiRoutes routes(ApiContext context, IdempotencyKeys keys, DovecotEventsEndpoint dovecot) {
        AuditSearchApi search = AuditSearchApi.of(context.pipeline());
        ApiAuditTrail trail = context.auditTrail();
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
                .add("POST", "/api/v1/sensors/dovecot", Right.POST_EVENTS, dovecot)
                .add(
                        "GET",
                        "/api/v1/audit/unified",
                        Right.SEARCH,
                        new SearchEndpoint(search, trail, AuditSearchApi.UNIFIED, false))
                .add(
                        "GET",
                        "/api/v1/audit/unified/export",
                        Right.EXPORT,
                        new SearchEndpoint(search, trail, AuditSearchApi.UNIFIED, true))
                .add(
                        "GET",
                        "/api/v1/audit/mailbox",
                        Right.SEARCH,
                        new SearchEndpoint(search, trail, AuditSearchApi.MAILBOX, false))
                .add(
                        "GET",
                        "/api/v1/audit/mailbox/export",
                        Right.EXPORT,
                        new SearchEndpoint(search, trail, AuditSearchApi.MAILBOX, true))
                .add(
                        "GET",
                        "/api/v1/scope",
                        Right.SEARCH,
                        new ScopeEndpoint(new ScopeApi(context.dataDirectory()), trail))
                .add(
                        "POST",
                        "/api/v1/cmdlets",
                        Guard.SIGNED_IN,
                        new ConfigurationEndpoint(new ConfigurationApi(context.pipeline(), context.clock()), trail))
                .add("GET", "/metrics", Right.READ_METRICS, new MetricsEndpoint(context.metrics()));
        return ConsoleRoutes.addTo(routes, context.pipeline(), trail);
    }
}
