package dev.mailtrail.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One scenario directory, as a newcomer writes it: {@code events.jsonl} in, {@code expected.jsonl} out, and the
 * optional {@code args}, {@code expected-stderr.txt} and {@code exact} files (see conformance/README.md).
 *
 * @param exact compare every field but {@code Id}, not only those the expected records list
 */
record Scenario(
        String name, Path events, List<String> args, List<ObjectNode> expected, List<String> stderr, boolean exact) {

    static Scenario read(Path directory, ObjectMapper json) {
        String name = directory.getFileName().toString();
        Path events = directory.resolve("events.jsonl");
        for (Path required : List.of(directory.resolve("README.md"), events)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalStateException("scenario " + name + " has no " + required.getFileName());
            }
        }
        requireTimeOrder(events, name, json);
        return new Scenario(
                name,
                events,
                args(directory.resolve("args")),
                expected(directory.resolve("expected.jsonl"), name, json),
                lines(directory.resolve("expected-stderr.txt")),
                Files.exists(directory.resolve("exact")));
    }

    /** The {@code mt} command line that replays this scenario. */
    String[] commandLine() {
        List<String> line = new ArrayList<>();
        line.add("replay");
        line.addAll(args);
        line.add(events.toString());
        return line.toArray(String[]::new);
    }

    /**
     * A scenario is a story told in order: an event earlier than the one before it would be replayed as if it
     * came later and test the replay clock instead of the rule.
     */
    private static void requireTimeOrder(Path events, String name, ObjectMapper json) {
        List<String> lines = lines(events);
        OffsetDateTime previous = null;
        for (int i = 0; i < lines.size(); i++) {
            String where = "scenario " + name + ", events.jsonl event " + (i + 1);
            JsonNode time = object(lines.get(i), where, json).get("time");
            if (time == null || !time.isTextual()) {
                throw new IllegalStateException(where + " has no \"time\"");
            }
            OffsetDateTime at = OffsetDateTime.parse(time.textValue());
            if (previous != null && at.isBefore(previous)) {
                throw new IllegalStateException(where + " (" + at + ") comes before the event above it (" + previous
                        + "); events are in time order");
            }
            previous = at;
        }
    }

    private static List<String> args(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            words.addAll(Arrays.asList(line.trim().split("\\s+")));
        }
        return List.copyOf(words);
    }

    private static List<ObjectNode> expected(Path file, String name, ObjectMapper json) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("scenario " + name + " has no expected.jsonl");
        }
        List<ObjectNode> records = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            records.add(object(lines.get(i), "scenario " + name + ", expected.jsonl record " + (i + 1), json));
        }
        return List.copyOf(records);
    }

    static ObjectNode object(String line, String where, ObjectMapper json) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(where + " is not JSON: " + e.getMessage() + "\n  " + line);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException(where + " is not a JSON object:\n  " + line);
        }
        return object;
    }

    /** The non-blank lines of a file; none if it does not exist. */
    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
