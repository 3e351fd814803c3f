package dev.mailtrail.app.api.events;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.core.event.AuditEvent;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Posted events made durable before the answer: a sensor is told 202 only once the journal holds every event, and
 * 503 (retry) when it could not take them.
 */
public final class DurableEvents {
    private DurableEvents() {}

    /**
     * Journals {@code events} and waits for their acknowledgement; {@code retryHint} ends the 503 message (what the
     * caller should do, or empty).
     */
    public static void submit(AuditBackend pipeline, List<? extends AuditEvent> events, String retryHint)
            throws ApiException {
        try {
            pipeline.submitAll(events).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "unavailable", "interrupted before the events were durable; retry");
        } catch (ExecutionException e) {
            throw new ApiException(
                    503,
                    "unavailable",
                    "the journal could not take the events: " + e.getCause().getMessage() + retryHint);
        }
    }
}
