package dev.mailtrail.storebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A search node's HTTP API as the bench uses it: JSON (or any bytes) in, JSON out, and an error naming the request
 * and the node's answer when the status is not 2xx. The JDK's client and Jackson, as MailTrail would use them.
 */
final class EngineHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    EngineHttp(URI base) {
        this.base = base;
    }

    JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    JsonNode post(String path, String contentType, byte[] body) throws IOException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                path);
    }

    JsonNode put(String path, String json) throws IOException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                path);
    }

    JsonNode postJson(String path, Object body) throws IOException {
        return post(path, "application/json", JSON.writeValueAsBytes(body));
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(
                    request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + base.resolve(path), e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            throw new IOException(base.resolve(path) + " answered " + response.statusCode() + ": "
                    + body.substring(0, Math.min(body.length(), 2_000)));
        }
        return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
