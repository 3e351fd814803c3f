package dev.mailtrail.app.pipeline.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mailtrail.core.action.Baseline;
import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.config.AuditConfiguration;
import dev.mailtrail.core.config.MailboxAuditConfig;
import dev.mailtrail.core.config.MailboxType;
import dev.mailtrail.core.config.OrganizationConfig;
import dev.mailtrail.core.config.ThrottlingMode;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The audit configuration — the organisation's settings, every mailbox's, the accounts with audit bypass — as JSON,
 * in the order the mailboxes came into being (which is the order Get-Mailbox lists them in).
 */
final class ConfigurationJson {
    private ConfigurationJson() {}

    static void write(AuditConfiguration configuration, JsonGenerator out) throws IOException {
        OrganizationConfig organization = configuration.organization();
        out.writeStartObject();
        out.writeObjectFieldStart("organization");
        out.writeStringField("id", organization.organizationId());
        out.writeStringField("name", organization.organizationName());
        out.writeBooleanField("auditDisabled", organization.auditDisabled());
        out.writeStringField("baseline", organization.baseline().name());
        out.writeStringField("throttling", organization.throttling().name());
        writeActions("keptOutOfUnifiedLog", organization.keptOutOfUnifiedLog(), out);
        out.writeBooleanField("auditEnabledHonoured", organization.auditEnabledHonoured());
        out.writeEndObject();
        out.writeArrayFieldStart("mailboxes");
        for (MailboxAuditConfig mailbox : configuration.mailboxes()) {
            out.writeStartObject();
            out.writeStringField("identity", mailbox.identity());
            out.writeStringField("type", mailbox.type().name());
            out.writeBooleanField("auditEnabled", mailbox.auditEnabled());
            out.writeObjectFieldStart("customLists");
            for (Map.Entry<LogonType, Set<MailboxAction>> list :
                    mailbox.customLists().entrySet()) {
                writeActions(list.getKey().name(), list.getValue(), out);
            }
            out.writeEndObject();
            out.writeStringField("auditLogAgeLimit", mailbox.auditLogAgeLimit().toString());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("bypassed");
        for (String account : configuration.bypassedAccounts()) {
            out.writeString(account);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Takes the configuration up into {@code configuration}, which is still as it was made. */
    static void read(JsonNode in, AuditConfiguration configuration) throws SnapshotFormatException {
        try {
            JsonNode organization = Json.field(in, "organization");
            configuration.setOrganization(new OrganizationConfig(
                    Json.text(organization, "id"),
                    Json.text(organization, "name"),
                    Json.field(organization, "auditDisabled").asBoolean(),
                    Baseline.valueOf(Json.text(organization, "baseline")),
                    ThrottlingMode.valueOf(Json.text(organization, "throttling")),
                    actions(Json.array(organization, "keptOutOfUnifiedLog")),
                    Json.field(organization, "auditEnabledHonoured").asBoolean()));
            for (JsonNode mailbox : Json.array(in, "mailboxes")) {
                Map<LogonType, Set<MailboxAction>> lists = new EnumMap<>(LogonType.class);
                var custom = Json.field(mailbox, "customLists").fields();
                while (custom.hasNext()) {
                    var list = custom.next();
                    lists.put(LogonType.valueOf(list.getKey()), actions(list.getValue()));
                }
                configuration.put(new MailboxAuditConfig(
                        Json.text(mailbox, "identity"),
                        MailboxType.valueOf(Json.text(mailbox, "type")),
                        Json.field(mailbox, "auditEnabled").asBoolean(),
                        lists,
                        Duration.parse(Json.text(mailbox, "auditLogAgeLimit"))));
            }
            for (JsonNode account : Json.array(in, "bypassed")) {
                configuration.setBypass(account.asText(), true);
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new SnapshotFormatException(
                    "the configuration names what this version does not know: " + e.getMessage(), e);
        }
    }

    private static void writeActions(String name, Set<MailboxAction> actions, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart(name);
        for (MailboxAction action : actions) {
            out.writeString(action.name());
        }
        out.writeEndArray();
    }

    private static Set<MailboxAction> actions(JsonNode names) throws SnapshotFormatException {
        if (!names.isArray()) {
            throw new SnapshotFormatException("a list of actions is not an array");
        }
        EnumSet<MailboxAction> actions = EnumSet.noneOf(MailboxAction.class);
        for (JsonNode name : names) {
            actions.add(MailboxAction.valueOf(name.asText()));
        }
        return actions;
    }
}
