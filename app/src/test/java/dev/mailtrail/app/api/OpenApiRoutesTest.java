package dev.mailtrail.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/api/openapi.yaml and the route table name the same operations: nothing served undocumented, nor the reverse. */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    static Path data;

    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiFixture(data);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationServed() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        assertThat(spec.get("openapi").asText()).startsWith("3.1");
        Set<String> documented = new TreeSet<>();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> served = new TreeSet<>();
        api.api.routes().routes().forEach(r -> served.add(r.method() + " " + r.path()));
        assertThat(served).isEqualTo(documented);
    }

    @Test
    void publicOperationsAreTheOnesDocumentedWithoutSecurity() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        Set<String> documented = new TreeSet<>();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode security = operation.getValue().get("security");
                    if (security != null && security.isEmpty()) {
                        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> served = new TreeSet<>();
        api.api.routes().routes().stream()
                .filter(r -> !r.guard().authenticated())
                .forEach(r -> served.add(r.method() + " " + r.path()));
        assertThat(served).isEqualTo(documented);
    }
}
