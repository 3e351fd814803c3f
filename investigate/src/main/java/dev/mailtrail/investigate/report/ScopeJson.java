package dev.mailtrail.investigate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.mailtrail.core.event.ItemRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.investigate.mailboxes.IdentityLink;
import dev.mailtrail.investigate.mailboxes.MailboxName;
import dev.mailtrail.investigate.scope.AccessContext;
import dev.mailtrail.investigate.scope.AttackerAction;
import dev.mailtrail.investigate.scope.AttackerSession;
import dev.mailtrail.investigate.scope.BlindWindow;
import dev.mailtrail.investigate.scope.FolderSync;
import dev.mailtrail.investigate.scope.MessageRead;
import dev.mailtrail.investigate.scope.Scope;
import dev.mailtrail.investigate.scope.SuspiciousSession;
import dev.mailtrail.investigate.scope.TimelineEntry;
import dev.mailtrail.investigate.scope.UnnamedRead;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A scope as JSON, in the schema {@code mailtrail-scope/1} documented in docs/scope-report.md. */
public final class ScopeJson {
    public static final String SCHEMA = "mailtrail-scope/1";

    private final JsonFactory json =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    public String toJson(Scope scope) {
        StringWriter out = new StringWriter();
        try {
            write(scope, out);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to a string failed", cannotHappen);
        }
        return out.toString();
    }

    /** Every name of the mailbox and each merge with its evidence (schema 1.1, docs/scope-report.md). */
    private static void mailboxNames(JsonGenerator g, Scope scope) throws IOException {
        g.writeObjectFieldStart("mailboxIdentity");
        g.writeArrayFieldStart("names");
        for (MailboxName name : scope.mailbox().names()) {
            g.writeStartObject();
            g.writeStringField("kind", name.kind().exchangeName());
            g.writeStringField("value", name.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        links(g, "merged", scope.mailbox().merged());
        links(g, "notMerged", scope.mailbox().refused());
        g.writeEndObject();
    }

    private static void links(JsonGenerator g, String field, List<IdentityLink> links) throws IOException {
        g.writeArrayFieldStart(field);
        for (IdentityLink link : links) {
            g.writeStartObject();
            g.writeStringField("name", link.name().text());
            g.writeStringField("other", link.other().text());
            g.writeStringField("evidence", link.evidence());
            g.writeNumberField("records", link.records());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public void write(Scope scope, Writer out) throws IOException {
        try (JsonGenerator g = json.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("mailbox", scope.query().mailbox());
            time(g, "from", scope.query().from());
            time(g, "to", scope.query().to());
            g.writeObjectFieldStart("attacker");
            strings(g, "ips", scope.query().attacker().ips());
            strings(g, "sessionIds", scope.query().attacker().sessionIds());
            strings(g, "userIds", scope.query().attacker().userIds());
            g.writeEndObject();
            mailboxNames(g, scope);
            g.writeNumberField("records", scope.records());
            g.writeStringField("statement", scope.statement());
            strings(g, "caveats", scope.caveats());
            g.writeNumberField("distinctMessagesRead", scope.messagesRead().size());
            g.writeArrayFieldStart("messagesRead");
            for (MessageRead read : scope.reads()) {
                read(g, read);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("foldersSynced");
            for (FolderSync sync : scope.syncs()) {
                sync(g, sync);
            }
            g.writeEndArray();
            g.writeNumberField("unnamedItemsRead", scope.unnamedItemsRead());
            g.writeArrayFieldStart("unnamedReads");
            for (UnnamedRead read : scope.unnamedReads()) {
                g.writeStartObject();
                time(g, "time", read.time());
                g.writeStringField("folder", read.folder());
                g.writeNumberField("items", read.items());
                access(g, read.access());
                g.writeStringField("export", read.export());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("blindWindows");
            for (BlindWindow window : scope.blindWindows()) {
                g.writeStartObject();
                time(g, "from", window.from());
                time(g, "to", window.to());
                g.writeStringField("reason", window.reason().name());
                g.writeStringField("reasonWords", window.reason().words());
                g.writeStringField("detail", window.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("actions");
            for (AttackerAction action : scope.actions()) {
                action(g, action);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sessions");
            for (AttackerSession session : scope.sessions()) {
                g.writeStartObject();
                sessionHead(
                        g,
                        session.sessionKey(),
                        session.ips(),
                        session.clients(),
                        session.users(),
                        session.first(),
                        session.last());
                g.writeNumberField("reads", session.reads().size());
                g.writeNumberField("syncs", session.syncs().size());
                g.writeNumberField("actions", session.actions().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("suspiciousSessions");
            for (SuspiciousSession session : scope.suspiciousSessions()) {
                g.writeStartObject();
                sessionHead(
                        g,
                        session.sessionKey(),
                        session.ips(),
                        session.clients(),
                        session.users(),
                        session.first(),
                        session.last());
                g.writeNumberField("records", session.records());
                strings(g, "reasons", session.reasons());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("timeline");
            for (TimelineEntry entry : scope.timeline()) {
                g.writeStartObject();
                time(g, "time", entry.time());
                g.writeStringField("what", entry.what());
                g.writeStringField("description", entry.description());
                g.writeStringField("sessionKey", entry.sessionKey());
                g.writeStringField("ip", entry.ip());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void read(JsonGenerator g, MessageRead read) throws IOException {
        g.writeStartObject();
        time(g, "time", read.time());
        g.writeStringField("internetMessageId", read.internetMessageId());
        g.writeStringField("itemId", read.itemId());
        g.writeStringField("folder", read.folder());
        if (read.sizeInBytes() == null) {
            g.writeNullField("sizeInBytes");
        } else {
            g.writeNumberField("sizeInBytes", read.sizeInBytes());
        }
        g.writeStringField("subject", read.message().subject());
        g.writeStringField("sender", read.message().sender());
        time(g, "date", read.message().date());
        access(g, read.access());
        g.writeEndObject();
    }

    private static void sync(JsonGenerator g, FolderSync sync) throws IOException {
        g.writeStartObject();
        time(g, "time", sync.time());
        g.writeStringField("folder", sync.folder());
        if (sync.syncedItems() == null) {
            g.writeNullField("syncedItems");
        } else {
            g.writeNumberField("syncedItems", sync.syncedItems());
        }
        g.writeArrayFieldStart("items");
        for (ItemRef item : sync.items()) {
            g.writeStartObject();
            g.writeStringField("internetMessageId", item.internetMessageId());
            g.writeStringField("itemId", item.id());
            g.writeStringField("subject", item.subject());
            if (item.sizeInBytes() != null) {
                g.writeNumberField("sizeInBytes", item.sizeInBytes());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        access(g, sync.access());
        g.writeEndObject();
    }

    private static void action(JsonGenerator g, AttackerAction action) throws IOException {
        g.writeStartObject();
        time(g, "time", action.time());
        g.writeStringField("kind", action.kind().name());
        g.writeStringField("operation", action.operation());
        g.writeStringField("summary", action.summary());
        g.writeNumberField("items", action.items());
        strings(g, "messages", action.messages());
        g.writeArrayFieldStart("details");
        for (NameValue detail : action.details()) {
            g.writeStartObject();
            g.writeStringField("Name", detail.name());
            g.writeStringField("Value", detail.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        access(g, action.access());
        g.writeEndObject();
    }

    private static void access(JsonGenerator g, AccessContext access) throws IOException {
        g.writeStringField("userId", access.userId());
        g.writeStringField("sessionId", access.sessionId());
        g.writeStringField("sessionKey", access.sessionKey());
        g.writeStringField("ip", access.ip());
        g.writeStringField("client", access.client());
        if (access.logonType() == null) {
            g.writeNullField("logonType");
        } else {
            g.writeNumberField("logonType", access.logonType());
        }
        g.writeStringField("recordId", access.recordId());
    }

    /** What a session and a suspicious session show alike: its key, addresses, clients, users and span. */
    private static void sessionHead(
            JsonGenerator g,
            String sessionKey,
            Collection<String> ips,
            Collection<String> clients,
            Collection<String> users,
            Instant first,
            Instant last)
            throws IOException {
        g.writeStringField("sessionKey", sessionKey);
        strings(g, "ips", ips);
        strings(g, "clients", clients);
        strings(g, "users", users);
        time(g, "first", first);
        time(g, "last", last);
    }

    private static void time(JsonGenerator g, String name, Instant time) throws IOException {
        g.writeStringField(name, time == null ? null : time.toString());
    }

    private static void strings(JsonGenerator g, String name, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
