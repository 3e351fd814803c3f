package dev.mailtrail.app.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mailtrail.app.files.PrivateFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Idempotency-Keys of stored batches with the answer each got, so that a retried batch is answered again instead
 * of stored twice — after a restart too: {@code api-idempotency.jsonl} in the data directory (0600) gets one line per
 * stored batch, written and forced to disk after the batch is durable in the journal and before it is answered. The
 * last {@link #CAPACITY} keys are kept (the file is rewritten with those when it reaches twice as many lines), far
 * more than the batches a sensor retries. Keys belong to their caller: two sensors may use the same key.
 *
 * <p>Left open: a crash after the journal made the batch durable and before its key line is on disk forgets the key,
 * and a retry stores the batch again (the window is one fsync long).
 */
public final class IdempotencyKeys implements AutoCloseable {
    public static final String NAME = "api-idempotency.jsonl";
    public static final int CAPACITY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a stored batch was answered: its body's SHA-256 (to tell a retry from a reused key) and the answer. */
    public record Stored(String bodySha256, int status, String answer) {}

    private final Path file;
    private final int capacity;
    private final LinkedHashMap<String, Stored> keys = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private FileChannel channel;
    private long lines;

    private IdempotencyKeys(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    /** Reads the keys the data directory holds. */
    public static IdempotencyKeys open(Path dataDirectory, int capacity) throws IOException {
        IdempotencyKeys store = new IdempotencyKeys(dataDirectory.resolve(NAME), capacity);
        store.load();
        return store;
    }

    /** The answer a key got, if its batch was stored. */
    public synchronized Optional<Stored> find(String caller, String key) {
        return Optional.ofNullable(keys.get(caller + '\n' + key));
    }

    /** Claims a key for a batch being stored; false when another request with it is in progress. */
    public synchronized boolean claim(String caller, String key) {
        return inFlight.add(caller + '\n' + key);
    }

    public synchronized void release(String caller, String key) {
        inFlight.remove(caller + '\n' + key);
    }

    /** Remembers a stored batch's answer, on disk before it returns. */
    public synchronized void remember(String caller, String key, Stored stored) throws IOException {
        String id = caller + '\n' + key;
        keys.remove(id);
        keys.put(id, stored);
        trim();
        ObjectNode line = JSON.createObjectNode();
        line.put("caller", caller);
        line.put("key", key);
        line.put("sha256", stored.bodySha256());
        line.put("status", stored.status());
        line.put("answer", stored.answer());
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        if (++lines >= 2L * capacity) {
            compact();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    private void load() throws IOException {
        List<String> existing;
        try {
            existing = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            existing = List.of();
        }
        for (String text : existing) {
            try {
                JsonNode n = JSON.readTree(text);
                keys.remove(n.get("caller").asText() + '\n' + n.get("key").asText());
                keys.put(
                        n.get("caller").asText() + '\n' + n.get("key").asText(),
                        new Stored(
                                n.get("sha256").asText(),
                                n.get("status").asInt(),
                                n.get("answer").asText()));
            } catch (IOException | RuntimeException e) {
                // a line cut short by a crash: its batch was never answered, so its sensor retries it anyway
            }
        }
        trim();
        compact();
    }

    private void trim() {
        while (keys.size() > capacity) {
            keys.pollFirstEntry();
        }
    }

    private void compact() throws IOException {
        if (channel != null) {
            channel.close();
        }
        PrivateFiles.directory(file.getParent());
        Path temporary = file.resolveSibling(NAME + ".new");
        try (Writer out = PrivateFiles.newWriter(temporary)) {
            for (Map.Entry<String, Stored> e : new ArrayList<>(keys.entrySet())) {
                String[] parts = e.getKey().split("\n", 2);
                ObjectNode line = JSON.createObjectNode();
                line.put("caller", parts[0]);
                line.put("key", parts[1]);
                line.put("sha256", e.getValue().bodySha256());
                line.put("status", e.getValue().status());
                line.put("answer", e.getValue().answer());
                out.write(JSON.writeValueAsString(line) + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = keys.size();
    }
}
