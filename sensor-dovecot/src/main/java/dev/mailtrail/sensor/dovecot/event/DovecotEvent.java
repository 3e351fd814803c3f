package dev.mailtrail.sensor.dovecot.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event as Dovecot's {@code json} exporter format writes it: {@code event} (its name), {@code start_time} and
 * {@code end_time}, {@code categories} and the {@code fields} object (strings, numbers, lists of strings). The typed
 * getters fail with the event's and the field's name, so a malformed event says what was wrong.
 */
public record DovecotEvent(
        String name, Instant start, Instant end, List<String> categories, Map<String, Object> fields) {

    public DovecotEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(end, "end");
        start = start == null ? end : start;
        categories = List.copyOf(categories);
        fields = Map.copyOf(fields);
    }

    /** A text field, or null when absent. */
    public String text(String field) throws DovecotEventException {
        Object v = fields.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        throw wrong(field, "a string", v);
    }

    /** A text field that must be present and not empty. */
    public String required(String field) throws DovecotEventException {
        String v = text(field);
        if (v == null || v.isEmpty()) {
            throw new DovecotEventException(name + ": field fields." + field + " is missing");
        }
        return v;
    }

    /** A whole-number field that must be present (Dovecot writes numbers; a numeric string is taken too). */
    public long number(String field) throws DovecotEventException {
        Object v = fields.get(field);
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 19) {
            return Long.parseLong(s);
        }
        if (v == null) {
            throw new DovecotEventException(name + ": field fields." + field + " is missing");
        }
        throw wrong(field, "a whole number", v);
    }

    /** A list-of-strings field ({@code reason_code}); a single string counts as a list of one; absent is empty. */
    public List<String> list(String field) throws DovecotEventException {
        Object v = fields.get(field);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw wrong(field, "a list of strings", v);
    }

    /** Whether the event came from {@code service} (its {@code service:NAME} category). */
    public boolean fromService(String service) {
        return categories.contains("service:" + service);
    }

    private DovecotEventException wrong(String field, String expected, Object value) {
        String shown = String.valueOf(value);
        shown = shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
        return new DovecotEventException(name + ": field fields." + field + " must be " + expected + ", not " + shown);
    }
}
