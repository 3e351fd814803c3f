package dev.mailtrail.app.cluster;

import dev.mailtrail.app.pipeline.AuditBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The clustered backend (decision 0033): events appended to the journal's Kafka topic, {@link
 * ClusterSettings#cores()} audit core consumers in the cores' group, records in OpenSearch.
 */
public abstract class ClusterPipeline implements AuditBackend {

    /**
     * Connects to the brokers and the search cluster of {@code settings} (creating the topic and the indexes if
     * missing) and starts this process's audit core consumers.
     *
     * @param directory this process's own directory (accounts, tokens, the cmdlet socket), not its records
     */
    public static ClusterPipeline start(ClusterSettings settings, Path directory, Clock clock) throws IOException {
        throw new UnsupportedOperationException("the clustered pipeline is not built yet");
    }
}
