package dev.mailtrail.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kafka server's class path: the jars Maven resolved for this module's {@code provided} dependencies, listed by
 * the build in {@code broker-classpath.txt} beside this class.
 */
final class BrokerClasspath {
    private static final String RESOURCE = "broker-classpath.txt";

    private BrokerClasspath() {}

    static String get() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the kafka-broker module with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String jar : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.isRegularFile(Path.of(jar))) {
                    throw new IllegalStateException(
                            "the Kafka broker's jar " + jar + " is missing: build the kafka-broker module with Maven");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
