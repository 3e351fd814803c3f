package dev.mailtrail.app.api.sensor;

import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.events.DurableEvents;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.core.event.AuditEvent;
import dev.mailtrail.sensor.dovecot.DovecotSensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /api/v1/sensors/dovecot}: what Dovecot's {@code event_exporter} (driver {@code http-post}, format
 * {@code json}) posts, one event a post, mapped to access events by the native sensor (docs/dovecot-native-sensor.md)
 * and journaled; answered 2xx once they are durable. One sensor serves every post, since a session's events span
 * posts; what it still holds for a session gone quiet is journaled by a timer, and the rest when the API stops.
 */
public final class DovecotEventsEndpoint implements Endpoint, AutoCloseable {
    /** Dovecot sends one small event a post; anything much larger is not from it. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(DovecotEventsEndpoint.class.getName());

    private final DovecotSensor sensor;
    private final AuditBackend pipeline;
    private final ScheduledExecutorService idle;

    public DovecotEventsEndpoint(DovecotSensor sensor, AuditBackend pipeline, Clock clock) {
        this.sensor = sensor;
        this.pipeline = pipeline;
        this.idle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailtrail-dovecot-sensor");
            t.setDaemon(true);
            return t;
        });
        idle.scheduleWithFixedDelay(() -> journal(sensor.flushIdle(clock.instant())), 5, 5, TimeUnit.SECONDS);
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        byte[] body = request.body().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "too_large", "a Dovecot event post is at most " + MAX_BODY_BYTES + " bytes");
        }
        DovecotSensor.Accepted accepted = sensor.accept(new ByteArrayInputStream(body));
        DurableEvents.submit(pipeline, accepted.events(), "");
        if (!accepted.rejects().isEmpty() && accepted.events().isEmpty()) {
            throw new ApiException(
                    422,
                    "invalid_events",
                    "the post holds no Dovecot event MailTrail can read",
                    Map.of("rejected", accepted.rejects()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted.events().size());
        answer.put("rejected", accepted.rejects());
        response.json(202, answer);
    }

    private void journal(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            pipeline.submitAll(events).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the Dovecot sensor's held events could not be journaled: " + e);
        }
    }

    /** Journals what the sensor still holds. */
    @Override
    public void close() {
        idle.shutdownNow();
        journal(sensor.flush());
    }
}
