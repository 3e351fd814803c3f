package dev.mailtrail.app.api.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.app.api.ApiException;
import dev.mailtrail.app.api.ApiRequest;
import dev.mailtrail.app.api.ApiResponse;
import dev.mailtrail.app.api.Endpoint;
import dev.mailtrail.app.api.audit.ApiAuditTrail;
import dev.mailtrail.app.api.audit.ApiOperation;
import dev.mailtrail.app.pipeline.AuditBackend;
import dev.mailtrail.app.replay.EventLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/events}: reads the batch, journals its good events as one group and answers 202 once they are
 * durable — the acknowledgement a sensor waits for before it lets a read through, as the proxy does. Bad lines are
 * named (line, field, problem) and the good ones kept, unless {@code ?atomic=true} asks for all or nothing (then one
 * bad line refuses the batch with 422 and nothing is stored). An {@code Idempotency-Key} makes a retry of a stored
 * batch get the first answer again (with {@code Idempotent-Replayed: true}) and store nothing.
 */
public final class EventsEndpoint implements Endpoint {
    /** The largest body taken: some 50,000 typical events, far above a sensor's batch. */
    public static final int MAX_BODY_BYTES = 32 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditBackend pipeline;
    private final IdempotencyKeys keys;
    private final ApiAuditTrail trail;

    public EventsEndpoint(AuditBackend pipeline, IdempotencyKeys keys, ApiAuditTrail trail) {
        this.pipeline = pipeline;
        this.keys = keys;
        this.trail = trail;
    }

    @Override
    public void handle(ApiRequest request, ApiResponse response) throws IOException, ApiException {
        String caller = request.principal().name();
        // the body first: a refusal sent while the client still writes reaches it as a cut connection
        byte[] body = body(request.body());
        String key = idempotencyKey(request.header("Idempotency-Key"));
        boolean atomic = atomic(request.query("atomic"));
        String sha256 = sha256(body);
        if (key != null) {
            var stored = keys.find(caller, key);
            if (stored.isPresent()) {
                replay(stored.get(), sha256, key, response);
                return;
            }
            if (!keys.claim(caller, key)) {
                throw new ApiException(
                        409,
                        "in_progress",
                        "a batch with Idempotency-Key " + key
                                + " is being stored right now; retry once it is answered");
            }
        }
        try {
            store(request, response, caller, key, atomic, body, sha256);
        } finally {
            if (key != null) {
                keys.release(caller, key);
            }
        }
    }

    private void store(
            ApiRequest request,
            ApiResponse response,
            String caller,
            String key,
            boolean atomic,
            byte[] body,
            String sha256)
            throws IOException, ApiException {
        EventBatch batch;
        try {
            batch = EventBatch.read(
                    body, EventLines.DEFAULT_MAX_BYTES, request.principal().scope());
        } catch (EventBatch.BadBatchException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (batch.events().isEmpty() && batch.rejected().isEmpty()) {
            throw ApiException.badRequest("the body holds no events");
        }
        if (!batch.rejected().isEmpty() && (atomic || batch.events().isEmpty())) {
            throw new ApiException(
                    422,
                    "invalid_events",
                    batch.rejected().size() + " of "
                            + (batch.events().size() + batch.rejected().size())
                            + " events do not follow the contract; nothing was stored"
                            + (atomic ? " (atomic=true)" : ""),
                    Map.of("rejected", batch.rejected()));
        }
        DurableEvents.submit(pipeline, batch.events(), "; retry later");
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("Events", Integer.toString(batch.events().size()));
        recorded.put("Rejected", Integer.toString(batch.rejected().size()));
        recorded.put("IdempotencyKey", key);
        recorded.put("Endpoint", "POST /api/v1/events");
        trail.record(caller, ApiOperation.POST_EVENTS, recorded, request.clientIp());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", batch.events().size());
        answer.put("rejected", batch.rejected());
        String text = JSON.writeValueAsString(answer);
        if (key != null) {
            keys.remember(caller, key, new IdempotencyKeys.Stored(sha256, 202, text));
        }
        response.stream(202, "application/json").write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void replay(IdempotencyKeys.Stored stored, String sha256, String key, ApiResponse response)
            throws IOException, ApiException {
        if (!stored.bodySha256().equals(sha256)) {
            throw new ApiException(
                    422,
                    "idempotency_key_reused",
                    "Idempotency-Key " + key + " was used for a different batch; a new batch needs a new key");
        }
        response.header("Idempotent-Replayed", "true");
        response.stream(stored.status(), "application/json")
                .write(stored.answer().getBytes(StandardCharsets.UTF_8));
    }

    private static String idempotencyKey(String given) throws ApiException {
        if (given == null) {
            return null;
        }
        if (given.isEmpty() || given.length() > 255 || !given.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return given;
    }

    private static boolean atomic(String given) throws ApiException {
        if (given == null || given.equals("false")) {
            return false;
        }
        if (given.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("atomic must be true or false, not \"" + given + "\"");
    }

    private static byte[] body(InputStream in) throws IOException, ApiException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(
                    413, "too_large", "a batch is at most " + MAX_BODY_BYTES + " bytes; send it in smaller batches");
        }
        return body;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
