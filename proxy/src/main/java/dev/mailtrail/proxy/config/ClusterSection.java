package dev.mailtrail.proxy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads {@code [cluster]}: {@code kafka} and {@code search} are required; the rest default as a single machine's
 * cluster would have them. Names Kafka or OpenSearch would refuse later (a topic with a space, an index prefix in
 * capitals) are refused here, with the file, line and key, before anything connects.
 */
final class ClusterSection {
    /** Kafka's legal topic and group characters; a topic is at most 249 of them. */
    private static final Pattern KAFKA_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** OpenSearch index names: lower case, none of {@code \ / * ? " < > | , #} or space, not starting with - _ +. */
    private static final Pattern INDEX_PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private static final Pattern BROKER = Pattern.compile("\\[?[A-Za-z0-9.:-]+]?:(\\d{1,5})");

    private ClusterSection() {}

    static ClusterConfig read(SectionValues v) throws ProxyConfigException {
        v.noName();
        List<String> brokers = brokers(v);
        URI search = search(v);
        String topic = name(v, "topic", ClusterConfig.TOPIC, KAFKA_NAME, "a Kafka topic: letters, digits, . _ -");
        int partitions = v.integer("partitions", ClusterConfig.PARTITIONS, 1, 10_000);
        IniFile.Entry factorGiven = v.left.get("replication-factor");
        int factor = v.integer("replication-factor", 1, 1, Short.MAX_VALUE);
        IniFile.Entry insyncGiven = v.left.get("min-insync-replicas");
        int insync = v.integer("min-insync-replicas", Math.min(factor, 2), 1, Short.MAX_VALUE);
        if (insync > factor) {
            // Kafka would refuse every acks=all append: fewer replicas exist than must acknowledge
            IniFile.Entry at = insyncGiven != null ? insyncGiven : factorGiven;
            throw v.error(
                    at.line(),
                    at.key(),
                    "min-insync-replicas " + insync + " is above replication-factor " + factor
                            + ": no append could ever be acknowledged");
        }
        String prefix = name(
                v,
                "index-prefix",
                ClusterConfig.INDEX_PREFIX,
                INDEX_PREFIX,
                "an OpenSearch index prefix: lower-case letters, digits, . _ -, starting with a letter or digit");
        String group =
                name(v, "group", ClusterConfig.GROUP, KAFKA_NAME, "a Kafka consumer group: letters, digits, . _ -");
        int cores = v.integer("cores", 1, 0, 1_000);
        Duration tick = positive(v, "tick-interval", ClusterConfig.TICK_INTERVAL);
        Duration intents = positive(v, "intent-timeout", ClusterConfig.INTENT_TIMEOUT);
        return new ClusterConfig(
                brokers, topic, partitions, factor, insync, search, prefix, group, cores, tick, intents);
    }

    private static List<String> brokers(SectionValues v) throws ProxyConfigException {
        int line = v.left.containsKey("kafka") ? v.left.get("kafka").line() : v.section.line;
        String given = v.required("kafka");
        List<String> brokers = new ArrayList<>();
        for (String item : given.split(",")) {
            String broker = item.strip();
            var m = BROKER.matcher(broker);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65_535) {
                throw v.error(
                        line,
                        "kafka",
                        "expected host:port[, host:port ...] (Kafka's bootstrap servers), found \"" + broker + "\"");
            }
            brokers.add(broker);
        }
        return brokers;
    }

    private static URI search(SectionValues v) throws ProxyConfigException {
        int line = v.left.containsKey("search") ? v.left.get("search").line() : v.section.line;
        String given = v.required("search");
        try {
            URI uri = new URI(given);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getQuery() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, as any other address that is not one
        }
        throw v.error(
                line,
                "search",
                "expected OpenSearch's address, such as http://127.0.0.1:9200, found \"" + given + "\"");
    }

    private static String name(SectionValues v, String key, String fallback, Pattern legal, String what)
            throws ProxyConfigException {
        IniFile.Entry given = v.left.get(key);
        String name = v.text(key, fallback);
        if (!legal.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw v.error(given.line(), key, "not " + what + ": \"" + name + "\"");
        }
        return name;
    }

    private static Duration positive(SectionValues v, String key, Duration fallback) throws ProxyConfigException {
        IniFile.Entry given = v.left.get(key);
        Duration d = v.duration(key, fallback);
        if (d.isZero()) {
            throw v.error(given.line(), key, "must be above 0, found " + given.value());
        }
        return d;
    }
}
