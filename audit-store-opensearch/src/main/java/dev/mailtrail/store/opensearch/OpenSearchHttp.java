package dev.mailtrail.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * OpenSearch's REST API, JSON in and out, through the JDK's HTTP client: an answer other than 2xx becomes an
 * {@link IOException} naming the request and OpenSearch's own reason, never a stack trace of the server's.
 */
final class OpenSearchHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration UNAVAILABLE_PATIENCE = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    OpenSearchHttp(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    JsonNode get(String path) throws IOException {
        return send("GET", path, null, null, false);
    }

    /** GET that answers null for 404 (an index or a document that does not exist). */
    JsonNode getIfExists(String path) throws IOException {
        return send("GET", path, null, null, true);
    }

    JsonNode put(String path, Object body) throws IOException {
        return send("PUT", path, "application/json", JSON.writeValueAsBytes(body), false);
    }

    JsonNode post(String path, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        return send("POST", path, "application/json", bytes, false);
    }

    JsonNode bulk(String path, byte[] ndjson) throws IOException {
        return send("POST", path, "application/x-ndjson", ndjson, false);
    }

    /** DELETE that answers null for 404. */
    JsonNode delete(String path) throws IOException {
        return send("DELETE", path, null, null, true);
    }

    /**
     * Creates an index with {@code definition} unless it exists: false when it did (another writer made it first).
     */
    boolean createIndex(String name, Object definition) throws IOException {
        HttpResponse<byte[]> response = exchange("PUT", name, "application/json", JSON.writeValueAsBytes(definition));
        if (response.statusCode() / 100 == 2) {
            return true;
        }
        if (response.statusCode() == 400 && reason(response.body()).startsWith("resource_already_exists_exception")) {
            return false;
        }
        throw failure("PUT", name, response);
    }

    /** Creates a document unless one with its id exists: false when it did ({@code _create}'s 409). */
    boolean createDocument(String index, String id, Object document) throws IOException {
        String path = index + "/_create/" + encode(id) + "?refresh=false";
        HttpResponse<byte[]> response = exchange("PUT", path, "application/json", JSON.writeValueAsBytes(document));
        if (response.statusCode() / 100 == 2) {
            return true;
        }
        if (response.statusCode() == 409) {
            return false;
        }
        throw failure("PUT", path, response);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode send(String method, String path, String contentType, byte[] body, boolean absentIsNull)
            throws IOException {
        HttpResponse<byte[]> response = exchange(method, path, contentType, body);
        if (absentIsNull && response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(method, path, response);
        }
        JsonNode answer = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        JsonNode shards = answer.path("_shards");
        if (shards.path("failed").asInt() > 0) {
            // a partial answer would pass for a whole one: a search missing a shard's records, a verify missing a
            // chain's, a write on fewer copies than asked for
            JsonNode first = shards.path("failures").path(0);
            throw new ShardsFailedException(method + " " + base.resolve(path) + ": "
                    + shards.path("failed").asInt() + " of "
                    + shards.path("total").asInt() + " shards failed"
                    + (first.isMissingNode()
                            ? ""
                            : " (" + first.path("index").asText() + ": "
                                    + first.path("reason").path("reason").asText() + ")"));
        }
        return answer;
    }

    private IOException failure(String method, String path, HttpResponse<byte[]> response) {
        return new IOException(method + " " + base.resolve(path) + " answered " + response.statusCode() + ": "
                + reason(response.body()));
    }

    private HttpResponse<byte[]> exchange(String method, String path, String contentType, byte[] body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            // a shard not started yet (an index another writer made a moment ago, a node restarting) answers 503;
            // every request this store sends is idempotent, so it is sent again for a while before failing
            long deadline = System.nanoTime() + UNAVAILABLE_PATIENCE.toNanos();
            for (long pause = 50; ; pause = Math.min(1_000, pause * 2)) {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                    return response;
                }
                Thread.sleep(pause);
            }
        } catch (java.net.ConnectException e) {
            throw new IOException("OpenSearch at " + base + " does not answer (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for OpenSearch at " + base, e);
        }
    }

    private static String reason(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.has("reason")) {
                return error.path("type").asText() + ": " + error.path("reason").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.substring(0, Math.min(500, text.length()));
    }

    /** An answer some shards could not give: a copy lost or corrupt, or a node gone. */
    static final class ShardsFailedException extends IOException {
        ShardsFailedException(String message) {
            super(message);
        }
    }
}
