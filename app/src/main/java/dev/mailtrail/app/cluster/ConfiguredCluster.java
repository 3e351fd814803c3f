package dev.mailtrail.app.cluster;

import dev.mailtrail.proxy.config.ClusterConfig;

/** The configuration file's {@code [cluster]} section as the clustered pipeline's settings. */
public final class ConfiguredCluster {
    private ConfiguredCluster() {}

    public static ClusterSettings settings(ClusterConfig config) {
        return new ClusterSettings(
                config.bootstrapServers(),
                config.topic(),
                config.partitions(),
                (short) config.replicationFactor(),
                config.minInsyncReplicas(),
                config.search(),
                config.indexPrefix(),
                config.group(),
                config.cores(),
                config.tickInterval(),
                config.intentTimeout());
    }
}
