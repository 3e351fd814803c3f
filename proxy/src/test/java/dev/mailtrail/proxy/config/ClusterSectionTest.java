package dev.mailtrail.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [cluster] section: the journal on Kafka and the records in OpenSearch instead of the data directory. */
class ClusterSectionTest {
    private static final String MINIMAL = """
            [upstream imap]
            host = 127.0.0.1
            port = 143

            [listener imap]
            protocol = imap
            port = 1143
            """;
    private static final String REQUIRED =
            "kafka = 10.0.0.1:9092, 10.0.0.2:9092\nsearch = https://search.internal:9200\n";

    @TempDir
    Path dir;

    private ProxyConfig parse(String cluster) throws ProxyConfigException {
        return ProxyConfigFile.parse(MINIMAL + "\n[cluster]\n" + cluster, "proxy.conf", dir);
    }

    @Test
    void withoutTheSectionTheDataDirectoryKeepsEverything() throws Exception {
        assertThat(ProxyConfigFile.parse(MINIMAL, "proxy.conf", dir).cluster()).isNull();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ClusterConfig cluster = parse(REQUIRED + """
                        topic = audit.journal
                        partitions = 48
                        replication-factor = 3
                        min-insync-replicas = 2
                        index-prefix = contoso-audit
                        group = contoso-cores
                        cores = 0
                        tick-interval = 500ms
                        intent-timeout = 5m
                        """).cluster();
        assertThat(cluster)
                .isEqualTo(new ClusterConfig(
                        List.of("10.0.0.1:9092", "10.0.0.2:9092"),
                        "audit.journal",
                        48,
                        3,
                        2,
                        URI.create("https://search.internal:9200"),
                        "contoso-audit",
                        "contoso-cores",
                        0,
                        Duration.ofMillis(500),
                        Duration.ofMinutes(5)));
    }

    @Test
    void whatTheSectionLeavesOutIsOneMachinesCluster() throws Exception {
        ClusterConfig cluster = parse(REQUIRED).cluster();
        assertThat(cluster.topic()).isEqualTo("mailtrail-journal");
        assertThat(cluster.partitions()).isEqualTo(12);
        assertThat(cluster.replicationFactor()).isEqualTo(1);
        assertThat(cluster.minInsyncReplicas()).isEqualTo(1);
        assertThat(cluster.indexPrefix()).isEqualTo("mailtrail");
        assertThat(cluster.group()).isEqualTo("mailtrail-cores");
        assertThat(cluster.cores()).isEqualTo(1);
        assertThat(cluster.tickInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cluster.intentTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(parse(REQUIRED + "replication-factor = 3\n").cluster().minInsyncReplicas())
                .isEqualTo(2);
    }

    @Test
    void theBrokersAndTheSearchClusterAreRequired() {
        assertThatThrownBy(() -> parse("search = http://127.0.0.1:9200\n"))
                .isInstanceOf(ProxyConfigException.class)
                .hasMessage("proxy.conf:9: key \"kafka\": missing in [cluster]");
        assertThatThrownBy(() -> parse("kafka = 127.0.0.1:9092\n"))
                .hasMessage("proxy.conf:9: key \"search\": missing in [cluster]");
        assertThatThrownBy(() -> parse("kafka = 127.0.0.1:9092\nserch = http://127.0.0.1:9200\n"))
                .hasMessage("proxy.conf:11: key \"serch\": unknown key in [cluster]; did you mean \"search\"?");
    }

    @Test
    void badValuesAreRefusedWithTheirLineAndKey() {
        assertThatThrownBy(() -> parse("kafka = 127.0.0.1\nsearch = http://127.0.0.1:9200\n"))
                .hasMessage("proxy.conf:10: key \"kafka\": expected host:port[, host:port ...] (Kafka's bootstrap"
                        + " servers), found \"127.0.0.1\"");
        assertThatThrownBy(() -> parse("kafka = 127.0.0.1:9092\nsearch = 127.0.0.1:9200\n"))
                .hasMessage("proxy.conf:11: key \"search\": expected OpenSearch's address, such as"
                        + " http://127.0.0.1:9200, found \"127.0.0.1:9200\"");
        assertThatThrownBy(() -> parse(REQUIRED + "topic = audit journal\n"))
                .hasMessage("proxy.conf:12: key \"topic\": not a Kafka topic: letters, digits, . _ -: \"audit"
                        + " journal\"");
        assertThatThrownBy(() -> parse(REQUIRED + "index-prefix = Audit\n"))
                .hasMessageStartingWith("proxy.conf:12: key \"index-prefix\": not an OpenSearch index prefix");
        assertThatThrownBy(() -> parse(REQUIRED + "partitions = 0\n"))
                .hasMessage("proxy.conf:12: key \"partitions\": 0 is out of range 1..10000");
        assertThatThrownBy(() -> parse(REQUIRED + "cores = many\n"))
                .hasMessage("proxy.conf:12: key \"cores\": not a whole number: many");
        assertThatThrownBy(() -> parse(REQUIRED + "tick-interval = 0s\n"))
                .hasMessage("proxy.conf:12: key \"tick-interval\": must be above 0, found 0s");
        assertThatThrownBy(() -> parse(REQUIRED + "intent-timeout = soon\n"))
                .hasMessage("proxy.conf:12: key \"intent-timeout\": expected a duration such as 500ms, 1s, 2m or 1h,"
                        + " found soon");
    }

    @Test
    void moreInSyncReplicasThanReplicasAreRefused() {
        assertThatThrownBy(() -> parse(REQUIRED + "replication-factor = 2\nmin-insync-replicas = 3\n"))
                .hasMessage("proxy.conf:13: key \"min-insync-replicas\": min-insync-replicas 3 is above"
                        + " replication-factor 2: no append could ever be acknowledged");
    }

    @Test
    void theDataDirectorysJournalAndTheClusterExcludeEachOther() {
        assertThatThrownBy(() -> ProxyConfigFile.parse(
                        MINIMAL + "\n[journal]\ntail = 1MiB\n\n[cluster]\n" + REQUIRED, "proxy.conf", dir))
                .hasMessage("proxy.conf:12: [journal] sets the data directory's journal, but with [cluster] the"
                        + " journal is Kafka's topic; keep one of the two");
    }
}
