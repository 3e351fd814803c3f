package dev.mailtrail.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {
    @TempDir
    Path dir;

    @Test
    void aKilledBrokerStartsAgainOnItsDirectoryAndPort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            assertThat(accepts(broker.port())).isTrue();
            String meta = Files.readString(broker.dataDirectory().resolve("meta.properties"));
            System.out.println("Kafka broker started in " + broker.lastStartup().toMillis() + " ms");

            broker.kill();
            assertThat(broker.running()).isFalse();
            assertThat(accepts(broker.port())).isFalse();

            broker.restart();
            System.out.println(
                    "Kafka broker restarted in " + broker.lastStartup().toMillis() + " ms");
            assertThat(accepts(broker.port())).isTrue();
            // the same storage, not a new format: the cluster id is the one written at the first start
            assertThat(Files.readString(broker.dataDirectory().resolve("meta.properties")))
                    .isEqualTo(meta);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
