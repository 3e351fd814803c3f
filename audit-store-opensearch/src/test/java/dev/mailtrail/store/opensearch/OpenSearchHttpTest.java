package dev.mailtrail.store.opensearch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OpenSearchHttpTest {

    @Test
    void aNodeThatRefusesTheConnectionIsNamedWithWhatToCheck() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        OpenSearchHttp http = new OpenSearchHttp(URI.create("http://127.0.0.1:" + port + "/"));

        assertThatThrownBy(() -> http.get("_cluster/health"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("OpenSearch at http://127.0.0.1:" + port + "/ does not answer")
                .hasMessageNotContaining("null");
    }
}
