package dev.mailtrail.investigate.importer.decode;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An AuditData object built from an export's columns under Exchange's field names, for exports that carry no
 * AuditData (Sentinel, Search-MailboxAuditLog). The codec then reads it like any AuditData, so a column whose
 * value does not fit the modelled type stays verbatim as an extension. An empty value is an absent field.
 *
 * <p>One tree per unit; not thread-safe.
 */
public final class AuditDataTree {
    private static final JsonMapper JSON = new JsonMapper();
    private static final DateTimeFormatter EXCHANGE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ObjectNode tree = JsonNodeFactory.instance.objectNode();

    /** Sets {@code CreationTime} in Exchange's spelling, with a fraction only when the instant has one. */
    public AuditDataTree creationTime(Instant time) {
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        String text = EXCHANGE_TIME.format(utc);
        if (utc.getNano() != 0) {
            text += String.format(".%09d", utc.getNano()).replaceAll("0+$", "");
        }
        tree.put("CreationTime", text);
        return this;
    }

    public AuditDataTree text(String name, String value) {
        if (value != null && !value.isEmpty()) {
            tree.put(name, value);
        }
        return this;
    }

    public AuditDataTree integer(String name, Integer value) {
        if (value != null) {
            tree.put(name, value);
        }
        return this;
    }

    public AuditDataTree bool(String name, Boolean value) {
        if (value != null) {
            tree.put(name, value);
        }
        return this;
    }

    public AuditDataTree node(String name, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            tree.set(name, value);
        }
        return this;
    }

    /** A column whose text is JSON (Sentinel's {@code Parameters}, {@code Folders} …); refused when it is not. */
    public AuditDataTree json(String name, String value) throws UnitRejected {
        if (value == null || value.isBlank()) {
            return this;
        }
        try {
            tree.set(name, JSON.readTree(value));
            return this;
        } catch (JacksonException notJson) {
            JsonLocation at = notJson.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnitRejected(
                    name + ": not JSON" + where + ": " + AuditDataText.tidy(notJson.getOriginalMessage()), notJson);
        }
    }

    public boolean has(String name) {
        return tree.has(name);
    }

    public String textOf(String name) {
        JsonNode value = tree.get(name);
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    public ObjectNode tree() {
        return tree;
    }
}
