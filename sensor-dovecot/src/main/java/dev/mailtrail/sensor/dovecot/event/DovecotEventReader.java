package dev.mailtrail.sensor.dovecot.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one exported event from its JSON text. Timestamps must be RFC 3339 ({@code format_args = time-rfc3339}) or
 * seconds since the epoch ({@code time-unix}); anything else is refused naming the field.
 */
public final class DovecotEventReader {
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public DovecotEvent read(String text) throws DovecotEventException {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DovecotEventException("not JSON: " + e.getOriginalMessage());
        }
        return read(root);
    }

    public DovecotEvent read(JsonNode root) throws DovecotEventException {
        if (root == null || !root.isObject()) {
            throw new DovecotEventException("an exported event must be a JSON object");
        }
        JsonNode event = root.get("event");
        if (event == null || !event.isTextual() || event.asText().isEmpty()) {
            throw new DovecotEventException("field event (the event's name) is missing or not a string");
        }
        String name = event.asText();
        Instant end = time(name, root, "end_time", true);
        Instant start = time(name, root, "start_time", false);
        List<String> categories = new ArrayList<>();
        JsonNode cats = root.get("categories");
        if (cats != null && cats.isArray()) {
            cats.forEach(c -> categories.add(c.asText()));
        }
        JsonNode fields = root.get("fields");
        if (fields != null && !fields.isObject()) {
            throw new DovecotEventException(name + ": field fields must be an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (fields != null) {
            for (var it = fields.fields(); it.hasNext(); ) {
                var f = it.next();
                values.put(f.getKey(), value(f.getValue()));
            }
        }
        values.values().removeIf(java.util.Objects::isNull);
        return new DovecotEvent(name, start, end, categories, values);
    }

    private static Object value(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(x.isValueNode() ? x.asText() : x.toString()));
            return list;
        }
        return v.isNull() ? null : v.toString();
    }

    private static Instant time(String name, JsonNode root, String field, boolean required)
            throws DovecotEventException {
        JsonNode t = root.get(field);
        if (t == null || t.isNull()) {
            if (required) {
                throw new DovecotEventException(name + ": field " + field + " is missing");
            }
            return null;
        }
        if (t.isNumber()) {
            double seconds = t.asDouble();
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        try {
            return Instant.parse(t.asText());
        } catch (DateTimeParseException e) {
            throw new DovecotEventException(name + ": field " + field
                    + " must be an RFC 3339 time (format_args = time-rfc3339), not " + t.asText());
        }
    }
}
