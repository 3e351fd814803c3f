package dev.mailtrail.app.api;

import dev.mailtrail.app.api.access.AccessFile;
import dev.mailtrail.app.api.access.LoginSessions;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.events.IdempotencyKeys;
import dev.mailtrail.app.api.sensor.DovecotEventsEndpoint;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.proxy.config.TlsFiles;
import dev.mailtrail.sensor.dovecot.DovecotSensor;
import dev.mailtrail.sensor.dovecot.map.MappingRules;
import dev.mailtrail.sensor.dovecot.name.ItemNamer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The API of one process ({@code mt serve}, {@code mt demo}) over its audit pipeline: the routes of {@link
 * ApiRouteTable} on an {@link ApiServer}. Close it before the pipeline: requests in progress finish first.
 */
public final class MailTrailApi implements AutoCloseable {
    private final ApiServer server;
    private final IdempotencyKeys keys;
    private final ApiRoutes routes;
    private final DovecotEventsEndpoint dovecot;

    private MailTrailApi(ApiServer server, IdempotencyKeys keys, ApiRoutes routes, DovecotEventsEndpoint dovecot) {
        this.server = server;
        this.keys = keys;
        this.routes = routes;
        this.dovecot = dovecot;
    }

    /** As {@link #start(InetSocketAddress, TlsFiles, AuditBackend, Clock, Supplier, ItemNamer)}, Dovecot's events named by UID only. */
    public static MailTrailApi start(
            InetSocketAddress bind, TlsFiles tls, AuditBackend pipeline, Clock clock, Supplier<String> metrics)
            throws ApiStartException {
        return start(bind, tls, pipeline, clock, metrics, ItemNamer.UIDS_ONLY);
    }

    /**
     * Starts the API on {@code bind} with the proxy's certificate.
     *
     * @param metrics the Prometheus text for {@code /metrics} ({@link
     *     dev.mailtrail.app.api.status.MetricsEndpoint#MINIMAL} until a registry exists)
     * @param dovecotNamer names the items of what Dovecot's event exporter posts (the lookup of the upstream's
     *     {@code lookup-user}, or UIDs only)
     */
    public static MailTrailApi start(
            InetSocketAddress bind,
            TlsFiles tls,
            AuditBackend pipeline,
            Clock clock,
            Supplier<String> metrics,
            ItemNamer dovecotNamer)
            throws ApiStartException {
        SecureRandom random = new SecureRandom();
        IdempotencyKeys keys;
        try {
            keys = IdempotencyKeys.open(pipeline.directory(), IdempotencyKeys.CAPACITY);
        } catch (IOException e) {
            throw new ApiStartException(
                    "cannot read the API's idempotency keys in " + pipeline.directory() + ": " + e.getMessage(), e);
        }
        Authentication authentication =
                new Authentication(new AccessFile(pipeline.directory()), new LoginSessions(clock, random));
        ApiContext context = new ApiContext(
                pipeline,
                new ApiAuditTrail(pipeline, clock),
                authentication,
                clock,
                random,
                pipeline.directory(),
                metrics);
        DovecotEventsEndpoint dovecot =
                new DovecotEventsEndpoint(new DovecotSensor(MappingRules.DEFAULTS, dovecotNamer), pipeline, clock);
        ApiRoutes routes = ApiRouteTable.routes(context, keys, dovecot);
        try {
            return new MailTrailApi(ApiServer.start(bind, tls, routes, authentication), keys, routes, dovecot);
        } catch (ApiStartException e) {
            dovecot.close();
            try {
                keys.close();
            } catch (IOException ignored) {
                // the start failure is the one to report
            }
            throw e;
        }
    }

    public ApiServer server() {
        return server;
    }

    /** The routes served (for the check against docs/api/openapi.yaml). */
    public ApiRoutes routes() {
        return routes;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            try {
                dovecot.close();
            } finally {
                keys.close();
            }
        }
    }
}
