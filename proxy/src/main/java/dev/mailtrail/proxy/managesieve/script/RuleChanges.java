package dev.mailtrail.proxy.managesieve.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<Object, Deque<InboxRule>> byEffect = new HashMap<>();
        for (InboxRule rule : before) {
            byEffect.computeIfAbsent(rule.effect(), k -> new ArrayDeque<>()).add(rule);
        }
        List<InboxRule> fresh = new ArrayList<>();
        for (InboxRule rule : after) {
            Deque<InboxRule> same = byEffect.get(rule.effect());
            if (same != null && !same.isEmpty()) {
                old.remove(same.poll());
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
