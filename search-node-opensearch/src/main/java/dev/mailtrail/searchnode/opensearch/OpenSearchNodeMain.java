package dev.mailtrail.searchnode.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * One OpenSearch node, a cluster of its own, in this process: {@code OpenSearchNodeMain DATA_DIR HTTP_PORT
 * TRANSPORT_PORT}. Prints {@value #READY} and the base URL once the node serves requests, and runs until it is
 * stopped (SIGTERM closes the node; SIGKILL is what a crash test sends).
 *
 * <p>The distribution's launcher and its {@code modules/} directory are not on Maven Central; the node and the two
 * modules it needs (Netty for HTTP and transport, the common analyzers) are, and load here from the classpath as
 * the distribution would load them from {@code modules/}.
 */
public final class OpenSearchNodeMain {
    /** The line that tells a launcher the node is ready; the base URL follows it. */
    public static final String READY = "MAILTRAIL-SEARCH-NODE-READY ";

    private OpenSearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: OpenSearchNodeMain DATA_DIR HTTP_PORT TRANSPORT_PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "mailtrail")
                .put("node.name", "node-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                .put("discovery.type", "single-node")
                // a shared build machine's disk is often past the default watermarks; the node must still take writes
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(new Environment(settings, home.resolve("config")));
        node.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("OpenSearch did not shut down cleanly: " + e);
            }
            stopped.countDown();
        }));
        System.out.println(READY + "http://127.0.0.1:" + args[1]);
        System.out.flush();
        stopped.await();
    }

    /** A node whose modules are classes on the classpath rather than directories of jars. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment) {
            super(environment, modules(), true);
        }

        private static Collection<PluginInfo> modules() {
            return List.of(module(Netty4ModulePlugin.class), module(CommonAnalysisModulePlugin.class));
        }

        private static PluginInfo module(Class<?> plugin) {
            return new PluginInfo(
                    plugin.getName(),
                    "classpath module",
                    "NA",
                    Version.CURRENT,
                    "21",
                    plugin.getName(),
                    List.of(),
                    false);
        }
    }
}
