package dev.mailtrail.app.api.status;

import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/v1/health}: {@code ok} (200) when the audit core answers within {@link #PATIENCE} — it answers only
 * after applying everything journaled before, so an answer means the journal and the stores keep up — and
 * {@code degraded} (503) otherwise, saying what did not answer; and the same for the two audit logs, which must
 * answer a search. Nothing about the records is shown: no sign-in needed.
 */
public final class HealthEndpoint implements Endpoint {
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final AuditBackend pipeline;

    public HealthEndpoint(AuditBackend pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException {
        Map<String, Object> health = new LinkedHashMap<>();
        String problem = null;
        try {
            pipeline.inspect(core -> Boolean.TRUE).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        } catch (ExecutionException e) {
            problem = "the audit pipeline stopped: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            problem = "the audit core did not catch up within " + PATIENCE.toSeconds() + " s";
        }
        String stores = stores();
        boolean ok = problem == null && stores.equals("ok");
        health.put("status", ok ? "ok" : "degraded");
        health.put("journal", problem == null ? "ok" : problem);
        health.put("stores", stores);
        response.json(ok ? 200 : 503, health);
    }

    /** Whether both audit logs answer a search (an empty one: nothing about the records is shown). */
    private String stores() {
        java.time.Instant epoch = java.time.Instant.EPOCH;
        try {
            pipeline.mailboxLog().count(RecordQuery.between(epoch, epoch));
            pipeline.unifiedLog().count(RecordQuery.between(epoch, epoch));
            return "ok";
        } catch (IOException | RuntimeException e) {
            return "a search failed: " + e.getMessage();
        }
    }
}
