package dev.mailtrail.investigate.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An inbox rule in words, from the cmdlet's Parameters ({@code New-InboxRule}, {@code Set-InboxRule}) or from
 * Outlook's {@code UpdateInboxRules} OperationProperties ({@code RuleName}, {@code RuleActions} as JSON text,
 * {@code RuleCondition}): what it does with mail (forward, redirect, delete, move, mark read) and when. The BEC
 * classics: forward payment mail out, or hide the replies to a fraudulent mail.
 */
final class InboxRuleDescription {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Exchange's action class names (ForwardToRecipientsAction …) and the short MAPI rule action names Outlook's
    // UpdateInboxRules records carry in RuleActions (OP_FORWARD is "Forward", OP_DEFER_ACTION "DeferAction" …).
    private static final Map<String, String> ACTION_TYPES = Map.ofEntries(
            Map.entry("forwardtorecipientsaction", "forwards to"),
            Map.entry("forward", "forwards to"),
            Map.entry("redirecttorecipientsaction", "redirects to"),
            Map.entry("redirect", "redirects to"),
            Map.entry("delegate", "forwards as a delegate to"),
            Map.entry("forwardasattachmenttorecipientsaction", "forwards as attachment to"),
            Map.entry("movetofolderaction", "moves to folder"),
            Map.entry("movetofolder", "moves to folder"),
            Map.entry("move", "moves to folder"),
            Map.entry("copytofolder", "copies to folder"),
            Map.entry("copy", "copies to folder"),
            Map.entry("deleteaction", "deletes the message"),
            Map.entry("delete", "deletes the message"),
            Map.entry("permanentdeleteaction", "deletes the message permanently"),
            Map.entry("markasreadaction", "marks it read"),
            Map.entry("markasread", "marks it read"),
            Map.entry("stopprocessingaction", "stops processing other rules"),
            Map.entry("bounce", "bounces the message back"),
            Map.entry("reply", "replies with a template"),
            Map.entry("oofreply", "replies with an out-of-office template"),
            Map.entry("deferaction", "hands the message to the client (a client-only rule)"),
            Map.entry("tag", "sets a property on the message"));

    private InboxRuleDescription() {}

    /** Whether the rule sends mail out of the mailbox (forward, redirect, forward as attachment). */
    static boolean forwards(List<NameValue> details) {
        for (NameValue detail : details) {
            String name = detail.name().toLowerCase(Locale.ROOT);
            if ((name.startsWith("forward") || name.startsWith("redirect"))
                    && detail.value() != null
                    && !detail.value().isBlank()) {
                return true;
            }
        }
        return false;
    }

    static List<NameValue> details(AuditRecord record) {
        if (record.parameters() != null && !record.parameters().isEmpty()) {
            return record.parameters();
        }
        return record.operationProperties() == null ? List.of() : record.operationProperties();
    }

    static String describe(AuditRecord record) {
        return record.parameters() != null && !record.parameters().isEmpty()
                ? fromParameters(record.operation(), record.parameters())
                : fromProperties(record.operation(), record.operationProperties());
    }

    private static String fromParameters(String operation, List<NameValue> parameters) {
        String name = first(parameters, "Name", "Identity");
        List<String> actions = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        for (NameValue parameter : parameters) {
            switch (InboxRuleParameters.role(parameter.name())) {
                case ACTION -> addIfSaid(actions, InboxRuleParameters.action(parameter.name(), parameter.value()));
                case CONDITION ->
                    addIfSaid(conditions, InboxRuleParameters.condition(parameter.name(), parameter.value()));
                case EXCEPTION ->
                    addIfSaid(exceptions, InboxRuleParameters.condition(parameter.name(), parameter.value()));
                case NEITHER -> {
                    // The rule's name, mailbox, priority and the cmdlet's own switches describe no behaviour.
                }
            }
        }
        String described = words(operation, name, actions, conditions);
        return exceptions.isEmpty() ? described : described + "; except when " + String.join(" or ", exceptions);
    }

    private static void addIfSaid(List<String> words, String said) {
        if (said != null) {
            words.add(said);
        }
    }

    private static String fromProperties(String operation, List<NameValue> properties) {
        if (properties == null) {
            return operation;
        }
        String name = first(properties, "RuleName");
        List<String> actions = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        String ruleOperation = first(properties, "RuleOperation");
        String ruleActions = first(properties, "RuleActions");
        if (ruleActions != null) {
            actions.addAll(ruleActions(ruleActions));
        }
        String condition = first(properties, "RuleCondition");
        if (condition != null && !condition.isBlank()) {
            conditions.add(condition.strip());
        }
        String described = words(operation, name, actions, conditions);
        return ruleOperation == null ? described : described + " (" + ruleOperation + ")";
    }

    /** RuleActions as Outlook writes it: JSON of actions with an ActionType and, for sending, Recipients. */
    private static List<String> ruleActions(String text) {
        Set<String> actions = new LinkedHashSet<>();
        try {
            collect(JSON.readTree(text), actions);
        } catch (IOException notJson) {
            actions.add("actions " + quoted(text));
        }
        return new ArrayList<>(actions);
    }

    private static void collect(JsonNode node, Set<String> actions) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, actions));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("ActionType");
        if (type != null && type.isTextual()) {
            String action = ACTION_TYPES.getOrDefault(type.asText().toLowerCase(Locale.ROOT), type.asText());
            List<String> targets = new ArrayList<>();
            JsonNode recipients = node.get("Recipients");
            if (recipients != null) {
                recipients.forEach(
                        recipient -> targets.add(recipient.isTextual() ? recipient.asText() : recipient.toString()));
            }
            JsonNode folder = node.get("FolderPath") != null ? node.get("FolderPath") : node.get("Folder");
            if (folder != null) {
                targets.add(folder.isTextual() ? folder.asText() : folder.toString());
            }
            actions.add(targets.isEmpty() ? action : action + " " + String.join(", ", targets));
        }
        node.properties().forEach(member -> {
            if (member.getValue().isContainerNode()) {
                collect(member.getValue(), actions);
            }
        });
    }

    private static String words(String operation, String name, List<String> actions, List<String> conditions) {
        StringBuilder text = new StringBuilder(operation);
        if (name != null) {
            text.append(' ').append(quoted(name));
        }
        text.append(": ");
        text.append(actions.isEmpty() ? "no action recorded" : String.join("; ", actions));
        if (!conditions.isEmpty()) {
            text.append("; when ").append(String.join(" and ", conditions));
        }
        return text.toString();
    }

    private static String first(List<NameValue> values, String... names) {
        for (String name : names) {
            String value = MailboxTarget.parameter(values, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String quoted(String value) {
        return "\"" + (value == null ? "" : value) + "\"";
    }
}
