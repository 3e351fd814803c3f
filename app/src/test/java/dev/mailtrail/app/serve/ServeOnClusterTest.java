package dev.mailtrail.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.app.cluster.ClusterFixture;
import dev.mailtrail.app.cluster.ClusterPipeline;
import dev.mailtrail.app.cluster.ClusterPointer;
import dev.mailtrail.app.cluster.ClusterSettings;
import dev.mailtrail.app.pipeline.PipelineOptions;
import dev.mailtrail.app.process.MtRun;
import dev.mailtrail.proxy.config.ProxyConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mt serve} with a [cluster] section: the proxy on the clustered pipeline, its directory pointing there. */
class ServeOnClusterTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void theProxyRunsOnTheClusterAndCmdletsGivenItsDataDirectoryReachTheCluster() throws Exception {
        ClusterSettings cluster = ClusterFixture.settings("serve", 2, 1);
        ProxyConfig config = ImapProxyConf.write(dir.resolve("proxy.conf"), 1, "", """

                [cluster]
                kafka = %s
                search = %s
                topic = %s
                partitions = %d
                index-prefix = %s
                group = %s
                tick-interval = 200ms
                """.formatted(
                        cluster.bootstrapServers().getFirst(),
                        cluster.search(),
                        cluster.topic(),
                        cluster.partitions(),
                        cluster.indexPrefix(),
                        cluster.group()));
        Path data = dir.resolve("data");
        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        try (AuditingProxy proxy =
                AuditingProxy.start(config, data, Clock.systemUTC(), PipelineOptions.defaults(), false)) {
            assertThat(proxy.pipeline()).isInstanceOf(ClusterPipeline.class);
            assertThat(ClusterPointer.read(data).orElseThrow().topic()).isEqualTo(cluster.topic());
            assertThat(ServeBanner.text(config, proxy)).contains("cluster: journal on Kafka", cluster.topic());

            MtRun set = MtRun.of(
                    "Set-Mailbox", "--data", data.toString(), "-Identity", "bob@contoso.com", "-AuditOwner", "Create");
            assertThat(set.exit()).as(set.err()).isZero();
            String found = "";
            for (long deadline = System.nanoTime() + 30_000_000_000L;
                    found.isBlank() && System.nanoTime() < deadline; ) {
                found = MtRun.of(
                                "Search-UnifiedAuditLog",
                                "--data",
                                data.toString(),
                                "-StartDate",
                                from,
                                "-EndDate",
                                to,
                                "-Operations",
                                "Set-Mailbox")
                        .out();
                Thread.sleep(200);
            }
            assertThat(found).contains("Set-Mailbox", "bob@contoso.com");
        }
        assertThat(data.resolve("journal")).doesNotExist();
    }
}
