package dev.mailtrail.proxy.managesieve.session;

import dev.mailtrail.proxy.managesieve.script.InboxRule;
import dev.mailtrail.proxy.managesieve.script.InboxRules;
import dev.mailtrail.proxy.managesieve.script.RuleChanges;
import dev.mailtrail.proxy.managesieve.script.SieveSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox-rule cmdlet lines one script change makes, one per rule: against the rules in force before, a rule
 * added is {@code New-InboxRule}, a rule changed {@code Set-InboxRule}, a rule gone {@code Remove-InboxRule}; a
 * script made active or inactive switches its rules with {@code Enable-InboxRule} / {@code Disable-InboxRule}. A
 * script this session never saw cannot be compared: its rules are given as they now are with
 * {@code -PreviousScript Unknown}, or the script as one rule when its text is unknown too. A script uploaded but not
 * active holds rules that do nothing yet: {@code -Enabled $false}.
 */
final class RuleRecords {

    static final String UNKNOWN = "Unknown";

    private final String mailbox;
    private final Set<String> internalDomains;

    RuleRecords(String mailbox, Set<String> internalDomains) {
        this.mailbox = mailbox;
        this.internalDomains = internalDomains;
    }

    /** PUTSCRIPT accepted: {@code before} is the script's earlier text if seen, {@code active} whether in force. */
    List<String> put(String script, Optional<String> before, String after, Optional<Boolean> active) {
        Optional<List<InboxRule>> now = rules(script, after);
        if (now.isEmpty()) {
            return List.of(wholeScript(
                            before.filter(t -> !t.isEmpty()).isPresent() ? "Set-InboxRule" : "New-InboxRule",
                            script,
                            after)
                    .text());
        }
        boolean disabled = active.isPresent() && !active.get();
        Optional<List<InboxRule>> earlier = before.flatMap(text -> rules(script, text));
        if (earlier.isEmpty()) {
            if (now.get().isEmpty()) { // a script with no rule: still a change to record
                return List.of(wholeScript(
                                before.filter(t -> !t.isEmpty()).isPresent() ? "Set-InboxRule" : "New-InboxRule",
                                script,
                                after)
                        .text());
            }
            List<String> out = new ArrayList<>();
            for (InboxRule rule : now.get()) {
                RuleCmdlet c = RuleCmdlet.of("New-InboxRule", mailbox)
                        .value("Name", rule.name())
                        .rule(rule);
                out.add(enabled(c, disabled)
                        .value("SieveScript", script)
                        .value("PreviousScript", UNKNOWN)
                        .text());
            }
            return out;
        }
        RuleChanges changes = RuleChanges.between(earlier.get(), now.get());
        return changes.isEmpty()
                ? List.of(wholeScript("Set-InboxRule", script, after).text())
                : changes(script, changes, disabled);
    }

    /** SETACTIVE accepted: the rules of {@code script} are in force, those of {@code previous} (if any) no longer. */
    List<String> activate(String script, Optional<String> text, String previous, Optional<String> previousText) {
        Optional<List<InboxRule>> now = text.flatMap(t -> rules(script, t));
        Optional<List<InboxRule>> before =
                previous == null ? Optional.of(List.of()) : previousText.flatMap(t -> rules(previous, t));
        List<String> out = new ArrayList<>();
        if (now.isEmpty()) {
            out.add(RuleCmdlet.of("Enable-InboxRule", mailbox)
                    .value("Identity", script)
                    .value("SieveScript", script)
                    .value("PreviousScript", UNKNOWN)
                    .text());
            return out;
        }
        if (before.isEmpty()) {
            for (InboxRule rule : now.get()) {
                out.add(switched("Enable-InboxRule", script, rule)
                        .value("PreviousScript", UNKNOWN)
                        .text());
            }
            return out;
        }
        RuleChanges changes = RuleChanges.between(before.get(), now.get());
        changes.added()
                .forEach(r -> out.add(switched("Enable-InboxRule", script, r).text()));
        changes.changed().forEach(c -> out.add(set(script, c.after()).text()));
        changes.removed()
                .forEach(r -> out.add(switched("Disable-InboxRule", previous, r).text()));
        return out;
    }

    /** SETACTIVE "" accepted: no script is in force any more. */
    List<String> deactivate(String previous, Optional<String> previousText) {
        Optional<List<InboxRule>> before =
                previous == null ? Optional.empty() : previousText.flatMap(t -> rules(previous, t));
        if (before.isEmpty()) {
            return List.of(RuleCmdlet.of("Disable-InboxRule", mailbox)
                    .value("Identity", previous == null ? "*" : previous)
                    .value("SieveScript", previous == null ? "" : previous)
                    .text());
        }
        return before.get().stream()
                .map(r -> switched("Disable-InboxRule", previous, r).text())
                .toList();
    }

    /** DELETESCRIPT accepted (never the active script: RFC 5804 §2.10 refuses that). */
    List<String> delete(String script, Optional<String> text) {
        Optional<List<InboxRule>> rules = text.flatMap(t -> rules(script, t));
        if (rules.isEmpty() || rules.get().isEmpty()) {
            return List.of(RuleCmdlet.of("Remove-InboxRule", mailbox)
                    .value("Identity", script)
                    .value("SieveScript", script)
                    .text());
        }
        return rules.get().stream()
                .map(r -> RuleCmdlet.of("Remove-InboxRule", mailbox)
                        .value("Identity", r.name())
                        .rule(r)
                        .value("SieveScript", script)
                        .text())
                .toList();
    }

    /** RENAMESCRIPT accepted: the rules stay as they are under the script's new name. */
    String rename(String from, String to) {
        return RuleCmdlet.of("Set-InboxRule", mailbox)
                .value("Identity", from)
                .value("Name", to)
                .value("SieveScript", to)
                .text();
    }

    /** The server said NO: the change that was tried, with the server's answer. */
    String refused(String cmdlet, String script, String text, String answer) {
        RuleCmdlet c = text == null
                ? RuleCmdlet.of(cmdlet, mailbox).value(cmdlet.equals("New-InboxRule") ? "Name" : "Identity", script)
                : wholeScript(cmdlet, script, text);
        if (text == null) {
            c.value("SieveScript", script);
        }
        return c.value("ServerError", answer).text();
    }

    private List<String> changes(String script, RuleChanges changes, boolean disabled) {
        List<String> out = new ArrayList<>();
        for (InboxRule rule : changes.added()) {
            RuleCmdlet c = RuleCmdlet.of("New-InboxRule", mailbox)
                    .value("Name", rule.name())
                    .rule(rule);
            out.add(enabled(c, disabled).value("SieveScript", script).text());
        }
        for (RuleChanges.Changed changed : changes.changed()) {
            out.add(enabled(set(script, changed.after()), disabled).text());
        }
        for (InboxRule rule : changes.removed()) {
            out.add(RuleCmdlet.of("Remove-InboxRule", mailbox)
                    .value("Identity", rule.name())
                    .rule(rule)
                    .value("SieveScript", script)
                    .text());
        }
        return out;
    }

    private RuleCmdlet set(String script, InboxRule rule) {
        return RuleCmdlet.of("Set-InboxRule", mailbox)
                .value("Identity", rule.name())
                .rule(rule)
                .value("SieveScript", script);
    }

    private RuleCmdlet switched(String cmdlet, String script, InboxRule rule) {
        return RuleCmdlet.of(cmdlet, mailbox)
                .value("Identity", rule.name())
                .rule(rule)
                .value("SieveScript", script);
    }

    /** A script that cannot be read as rules (or was too large to keep) is recorded as one rule: its text. */
    private RuleCmdlet wholeScript(String cmdlet, String script, String text) {
        String first = cmdlet.equals("New-InboxRule") ? "Name" : "Identity";
        return RuleCmdlet.of(cmdlet, mailbox)
                .value(first, script)
                .value("SieveRule", text.length() > 1000 ? text.substring(0, 1000) + "…" : text)
                .value("SieveScript", script);
    }

    private static RuleCmdlet enabled(RuleCmdlet c, boolean disabled) {
        return disabled ? c.flag("Enabled", false) : c;
    }

    private Optional<List<InboxRule>> rules(String script, String text) {
        try {
            return Optional.of(InboxRules.of(script, text, internalDomains));
        } catch (SieveSyntaxException e) {
            return Optional.empty();
        }
    }
}
