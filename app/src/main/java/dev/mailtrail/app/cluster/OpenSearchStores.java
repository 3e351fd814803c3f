package dev.mailtrail.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.AuditLogStore;
import dev.mailtrail.store.log.ChainScheme;
import dev.mailtrail.store.opensearch.OpenSearchAuditLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The cluster's stores in OpenSearch: per partition a log index of its own for each audit log (one writer each),
 * and the partitions' snapshots as documents of one index.
 */
final class OpenSearchStores implements ClusterStores {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI node;
    private final String prefix;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    OpenSearchStores(URI node, String prefix) {
        this.node = node.toString().endsWith("/") ? node : URI.create(node + "/");
        this.prefix = prefix;
    }

    @Override
    public AuditLogStore mailboxWriter(int partition) throws IOException {
        return OpenSearchAuditLog.open(node, prefix + "-mailbox-p" + partition, ChainScheme.PER_MAILBOX);
    }

    @Override
    public AuditLogStore unifiedWriter(int partition) throws IOException {
        return OpenSearchAuditLog.open(node, prefix + "-unified-p" + partition, ChainScheme.ORGANIZATION);
    }

    @Override
    public Optional<byte[]> snapshot(int partition) throws IOException {
        HttpResponse<byte[]> answer = send("GET", snapshotPath(partition), null);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        ok(answer, "read the snapshot of partition " + partition);
        JsonNode source = JSON.readTree(answer.body()).path("_source");
        return Optional.of(Base64.getDecoder().decode(source.path("snapshot").asText()));
    }

    @Override
    public void saveSnapshot(int partition, byte[] snapshot) throws IOException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("partition", partition)
                .put("snapshot", Base64.getEncoder().encodeToString(snapshot)));
        ok(send("PUT", snapshotPath(partition) + "?refresh=false", body), "save the snapshot of partition " + partition);
    }

    @Override
    public AuditLogSearch mailboxLog() {
        throw new UnsupportedOperationException("searching every partition's mailbox audit log is not built yet");
    }

    @Override
    public AuditLogSearch unifiedLog() {
        throw new UnsupportedOperationException("searching every partition's unified audit log is not built yet");
    }

    @Override
    public void close() {
        // the HTTP client holds nothing that outlives the process
    }

    private String snapshotPath(int partition) {
        return prefix + "-core-state/_doc/snapshot-p" + partition;
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofMinutes(1));
        request.header("Content-Type", "application/json");
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            throw new IOException("OpenSearch at " + node + " does not answer (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for OpenSearch at " + node, e);
        }
    }

    private void ok(HttpResponse<byte[]> answer, String what) throws IOException {
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("cannot " + what + " in OpenSearch at " + node + ": it answered "
                    + answer.statusCode() + " " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
