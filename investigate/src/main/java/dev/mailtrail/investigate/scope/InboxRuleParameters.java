package dev.mailtrail.investigate.scope;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each parameter of {@code New-InboxRule} and {@code Set-InboxRule} is, by Exchange's own names: an action
 * (what the rule does), a condition (when), an exception ({@code ExceptIf…}, when not) or neither (the rule's name,
 * its mailbox, the cmdlet's switches). A switch action ({@code -PinMessage $true}) acts only when true.
 */
final class InboxRuleParameters {
    /** The kinds of parameter a rule cmdlet takes. */
    enum Role {
        ACTION,
        CONDITION,
        EXCEPTION,
        NEITHER
    }

    /** Action parameter → the action in words; a value follows unless the action is a switch. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("forwardto", "forwards to"),
            Map.entry("redirectto", "redirects to"),
            Map.entry("forwardasattachmentto", "forwards as attachment to"),
            Map.entry("sendtextmessagenotificationto", "sends a text message notification to"),
            Map.entry("movetofolder", "moves to folder"),
            Map.entry("copytofolder", "copies to folder"),
            Map.entry("applycategory", "applies category"),
            Map.entry("applysystemcategory", "applies system category"),
            Map.entry("deletesystemcategory", "deletes system category"),
            Map.entry("markimportance", "marks importance"),
            Map.entry("deletemessage", "deletes the message"),
            Map.entry("softdeletemessage", "deletes the message"),
            Map.entry("markasread", "marks it read"),
            Map.entry("pinmessage", "pins the message"),
            Map.entry("stopprocessingrules", "stops processing other rules"),
            // MailTrail's, from a Sieve rule: the forward and redirect addresses outside the mailbox's domains
            Map.entry("externalrecipients", "sends outside the organisation to"));

    private static final Set<String> SWITCH_ACTIONS =
            Set.of("deletemessage", "softdeletemessage", "markasread", "pinmessage", "stopprocessingrules");

    /** Condition parameter → the condition in words. */
    private static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("from", "it is from"),
            Map.entry("fromaddresscontainswords", "the sender's address contains"),
            Map.entry("fromsubscription", "it comes from subscription"),
            Map.entry("subjectcontainswords", "the subject contains"),
            Map.entry("bodycontainswords", "the body contains"),
            Map.entry("subjectorbodycontainswords", "the subject or body contains"),
            Map.entry("headercontainswords", "a header contains"),
            Map.entry("recipientaddresscontainswords", "a recipient's address contains"),
            Map.entry("sentto", "it is sent to"),
            Map.entry("hasattachment", "it has an attachment"),
            Map.entry("hasclassification", "it has classification"),
            Map.entry("flaggedforaction", "it is flagged for"),
            Map.entry("messagetypematches", "its type is"),
            Map.entry("mynameintobox", "my name is in To"),
            Map.entry("mynameinccbox", "my name is in Cc"),
            Map.entry("mynameintoorccbox", "my name is in To or Cc"),
            Map.entry("mynamenotintobox", "my name is not in To"),
            Map.entry("sentonlytome", "it is sent only to me"),
            Map.entry("receivedafterdate", "it is received after"),
            Map.entry("receivedbeforedate", "it is received before"),
            Map.entry("withimportance", "its importance is"),
            Map.entry("withsensitivity", "its sensitivity is"),
            Map.entry("withinsizerangeminimum", "it is at least"),
            Map.entry("withinsizerangemaximum", "it is at most"));

    private static final Set<String> SWITCH_CONDITIONS = Set.of(
            "hasattachment", "mynameintobox", "mynameinccbox", "mynameintoorccbox", "mynamenotintobox", "sentonlytome");

    private static final String EXCEPT_IF = "exceptif";

    private InboxRuleParameters() {}

    static Role role(String parameter) {
        String key = key(parameter);
        if (ACTIONS.containsKey(key)) {
            return Role.ACTION;
        }
        if (CONDITIONS.containsKey(key)) {
            return Role.CONDITION;
        }
        if (key.startsWith(EXCEPT_IF) && CONDITIONS.containsKey(key.substring(EXCEPT_IF.length()))) {
            return Role.EXCEPTION;
        }
        return Role.NEITHER;
    }

    /** The action in words, or null when a switch action is off. */
    static String action(String parameter, String value) {
        String key = key(parameter);
        if (SWITCH_ACTIONS.contains(key)) {
            return BlindWindowFinder.isTrue(value) ? ACTIONS.get(key) : null;
        }
        return ACTIONS.get(key) + " " + value;
    }

    /** The condition (or, for an exception, the condition it excepts) in words, or null when a switch is off. */
    static String condition(String parameter, String value) {
        String key = key(parameter);
        if (key.startsWith(EXCEPT_IF)) {
            key = key.substring(EXCEPT_IF.length());
        }
        if (SWITCH_CONDITIONS.contains(key)) {
            return BlindWindowFinder.isTrue(value) ? CONDITIONS.get(key) : null;
        }
        return CONDITIONS.get(key) + " " + RuleWords.quoted(value);
    }

    private static String key(String parameter) {
        return parameter == null ? "" : parameter.strip().toLowerCase(Locale.ROOT);
    }
}
