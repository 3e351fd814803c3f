package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading a snapshot's JSON strictly: a member missing or of the wrong kind is a damaged snapshot, said so. */
final class Json {
    private Json() {}

    static JsonNode field(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode value = in == null ? null : in.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new SnapshotFormatException("member \"" + name + "\" is missing");
        }
        return value;
    }

    static JsonNode array(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode value = field(in, name);
        if (!value.isArray()) {
            throw new SnapshotFormatException("member \"" + name + "\" is not an array");
        }
        return value;
    }

    static long number(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode value = field(in, name);
        if (!value.isIntegralNumber()) {
            throw new SnapshotFormatException("member \"" + name + "\" is not a whole number");
        }
        return value.asLong();
    }

    static int integer(JsonNode in, String name) throws SnapshotFormatException {
        return Math.toIntExact(number(in, name));
    }

    static String text(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode value = field(in, name);
        if (!value.isTextual()) {
            throw new SnapshotFormatException("member \"" + name + "\" is not text");
        }
        return value.asText();
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode in, String name) throws SnapshotFormatException {
        try {
            return Instant.parse(text(in, name));
        } catch (DateTimeParseException e) {
            throw new SnapshotFormatException("member \"" + name + "\" is not a time", e);
        }
    }

    static long[] numbers(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode values = array(in, name);
        long[] numbers = new long[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = values.get(i).asLong();
        }
        return numbers;
    }

    static String[] texts(JsonNode in, String name) throws SnapshotFormatException {
        JsonNode values = array(in, name);
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(values.get(i));
        }
        return texts;
    }
}
