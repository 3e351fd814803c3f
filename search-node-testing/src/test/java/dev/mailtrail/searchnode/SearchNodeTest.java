package dev.mailtrail.searchnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SearchNodeTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(SearchEngine.class)
    void aStartedNodeAnswersOverHttpAndAKilledOneStops(SearchEngine engine, @TempDir Path dir) throws Exception {
        try (SearchNode node = SearchNode.start(engine, dir)) {
            URI status = node.baseUrl().resolve(engine == SearchEngine.SOLR ? "admin/info/system" : "_cluster/health");
            HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(engine == SearchEngine.SOLR ? "\"solrcloud\"" : "\"mailtrail\"");
            assertThat(node.residentBytes()).isPositive();

            node.kill();
            assertThat(node.isAlive()).isFalse();
        }
    }
}
