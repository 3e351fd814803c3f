package dev.mailtrail.app.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The file {@code cluster.properties} in a data directory whose records are in a cluster: written by {@code mt
 * serve} (and {@code mt demo --cluster}) when they start on the cluster, so that whatever is later given {@code --data
 * DIR} (a search cmdlet, {@code mt verify}, {@code mt scope}) reads the cluster the process writes to, not the
 * directory, which holds no records. It stays after the process stops: the records are still in the cluster.
 */
public final class ClusterPointer {
    /** The file's name in the data directory. */
    public static final String FILE = "cluster.properties";

    private ClusterPointer() {}

    /** Writes (replacing) the pointer to {@code settings} in {@code directory}. */
    public static void write(Path directory, ClusterSettings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("kafka", String.join(",", settings.bootstrapServers()));
        p.setProperty("topic", settings.topic());
        p.setProperty("partitions", Integer.toString(settings.partitions()));
        p.setProperty("replication-factor", Short.toString(settings.replicationFactor()));
        p.setProperty("min-insync-replicas", Integer.toString(settings.minInsyncReplicas()));
        p.setProperty("search", settings.search().toString());
        p.setProperty("index-prefix", settings.indexPrefix());
        p.setProperty("group", settings.group());
        p.setProperty("cores", Integer.toString(settings.cores()));
        p.setProperty("tick-interval", settings.tickInterval().toString());
        p.setProperty("intent-timeout", settings.intentTimeout().toString());
        Path written = directory.resolve(FILE + ".new");
        try (Writer out = dev.mailtrail.app.files.PrivateFiles.newWriter(written)) {
            p.store(out, "The cluster this data directory's process journals to and stores in (decision 0033)");
        }
        Files.move(
                written, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cluster {@code directory} points to; empty when it keeps its own records (no pointer). */
    public static Optional<ClusterSettings> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClusterSettings(
                    List.of(required(p, "kafka").split(",")),
                    required(p, "topic"),
                    Integer.parseInt(required(p, "partitions")),
                    Short.parseShort(required(p, "replication-factor")),
                    Integer.parseInt(required(p, "min-insync-replicas")),
                    URI.create(required(p, "search")),
                    required(p, "index-prefix"),
                    required(p, "group"),
                    Integer.parseInt(required(p, "cores")),
                    Duration.parse(required(p, "tick-interval")),
                    Duration.parse(required(p, "intent-timeout"))));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + ": not a cluster pointer MailTrail wrote: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + key);
        }
        return value.strip();
    }
}
