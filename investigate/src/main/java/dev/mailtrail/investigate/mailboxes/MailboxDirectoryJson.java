package dev.mailtrail.investigate.mailboxes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * A case's mailbox directory as JSON: {@code {"schema":"mailtrail-mailboxes/1","links":[{"name":{"kind":"UPN",
 * "value":…,"text":…},"other":{…},"evidence":…,"records":3}]}}, the links in the order learned, so reading it back merges
 * (and refuses) the same names.
 */
public final class MailboxDirectoryJson {
    public static final String SCHEMA = "mailtrail-mailboxes/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonFactory json =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    public void write(MailboxDirectory directory, Writer out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeArrayFieldStart("links");
            for (IdentityLink link : directory.links()) {
                g.writeStartObject();
                name(g, "name", link.name());
                name(g, "other", link.other());
                g.writeStringField("evidence", link.evidence());
                g.writeNumberField("records", link.records());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void name(JsonGenerator g, String field, MailboxName name) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("kind", name.kind().name());
        g.writeStringField("value", name.value());
        g.writeStringField("text", name.text());
        g.writeEndObject();
    }

    /** The directory the JSON holds; what is not a directory of this schema is refused, naming what is wrong. */
    public MailboxDirectory read(Reader in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException damaged) {
            throw new IOException("not JSON: " + damaged.getOriginalMessage(), damaged);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IOException("not a mailbox directory (schema " + SCHEMA + ")");
        }
        MailboxDirectory directory = new MailboxDirectory();
        for (JsonNode link : root.path("links")) {
            try {
                directory.link(new IdentityLink(
                        name(link.path("name")),
                        name(link.path("other")),
                        link.path("evidence").asText(),
                        link.path("records").asLong(1)));
            } catch (IllegalArgumentException bad) {
                throw new IOException("a link that is not one: " + link + " (" + bad.getMessage() + ")", bad);
            }
        }
        return directory;
    }

    private static MailboxName name(JsonNode node) {
        String value = node.path("value").asText();
        return new MailboxName(
                Kind.valueOf(node.path("kind").asText()),
                value,
                node.path("text").asText(value));
    }
}
