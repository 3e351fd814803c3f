package dev.mailtrail.searchnode.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.embedded.JettyConfig;

/**
 * One SolrCloud node and the ZooKeeper it registers with, both in this process: {@code SolrNodeMain DATA_DIR
 * HTTP_PORT ZK_PORT}. Prints {@value #READY} and the base URL once the node serves requests, and runs until it is
 * stopped (SIGTERM shuts Solr and ZooKeeper down; SIGKILL is what a crash test sends).
 *
 * <p>Solr's own start script runs Jetty from a {@code server/} directory that Maven Central does not carry; the
 * same Jetty, dispatch filter and core container start here through the test framework's {@code
 * MiniSolrCloudCluster}, with a real ZooKeeper server on its own port.
 */
public final class SolrNodeMain {
    /** The line that tells a launcher the node is ready; the base URL follows it. */
    public static final String READY = "MAILTRAIL-SEARCH-NODE-READY ";

    private SolrNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SolrNodeMain DATA_DIR HTTP_PORT ZK_PORT");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        int zkPort = Integer.parseInt(args[2]);
        Files.createDirectories(data);
        Path zkDir = data.resolve("zookeeper");
        ZkTestServer zk = new ZkTestServer(zkDir, zkPort);
        zk.run(false);
        JettyConfig jetty =
                JettyConfig.builder().setPort(httpPort).stopAtShutdown(true).build();
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(
                1, data.resolve("solr"), MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML, jetty, zk, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                System.err.println("Solr did not shut down cleanly: " + e);
            }
            stopped.countDown();
        }));
        String url = cluster.getJettySolrRunners().get(0).getBaseUrl().toString();
        System.out.println(READY + url + " zk=" + zk.getZkAddress());
        System.out.flush();
        stopped.await();
    }
}
