package dev.mailtrail.proxy.managesieve.script;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new rule set changes against the one in force: rules added, rules changed (same name, different effect)
 * and rules removed. A rule that does the same as before is no change, whatever its place or name.
 */
public record RuleChanges(List<InboxRule> added, List<Changed> changed, List<InboxRule> removed) {

    /** A rule that kept its name and changed what it does. */
    public record Changed(InboxRule before, InboxRule after) {}

    public RuleChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public static RuleChanges between(List<InboxRule> before, List<InboxRule> after) {
        List<InboxRule> old = new ArrayList<>(before);
        List<InboxRule> fresh = new ArrayList<>();
        for (InboxRule rule : after) {
            InboxRule same = old.stream().filter(rule::sameEffect).findFirst().orElse(null);
            if (same != null) {
                old.remove(same);
            } else {
                fresh.add(rule);
            }
        }
        List<InboxRule> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (InboxRule rule : fresh) {
            InboxRule named = old.stream()
                    .filter(o -> o.name().equals(rule.name()))
                    .findFirst()
                    .orElse(null);
            if (named != null) {
                old.remove(named);
                changed.add(new Changed(named, rule));
            } else {
                added.add(rule);
            }
        }
        return new RuleChanges(added, changed, old);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
