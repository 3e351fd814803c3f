package dev.mailtrail.app.api.status;

import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the Prometheus text exposition format (version 0.0.4) made by the metrics registry the process
 * hands in; the route needs a token or account with the {@code Monitoring} role.
 */
public final class MetricsEndpoint implements Endpoint {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** What {@code /metrics} says until a registry is wired in: that the process is up. */
    public static final Supplier<String> MINIMAL =
            () -> "# HELP mailtrail_up Whether the MailTrail process is serving.\n# TYPE mailtrail_up gauge\n"
                    + "mailtrail_up 1\n";

    private final Supplier<String> exposition;

    public MetricsEndpoint(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException {
        response.stream(200, CONTENT_TYPE).write(exposition.get().getBytes(StandardCharsets.UTF_8));
    }
}
