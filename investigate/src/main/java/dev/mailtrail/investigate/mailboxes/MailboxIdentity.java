package dev.mailtrail.investigate.mailboxes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One mailbox's names in a case, as asked for by one of them, with the links that merged them (what said so) and
 * the links refused because they would have merged it with another mailbox.
 */
public record MailboxIdentity(
        String asked, Set<MailboxName> names, List<IdentityLink> merged, List<IdentityLink> refused) {
    public MailboxIdentity {
        names = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(names));
        merged = List.copyOf(merged);
        refused = List.copyOf(refused);
    }

    /** A mailbox known by the one name asked for. */
    public static MailboxIdentity only(String name) {
        return new MailboxIdentity(name, Set.of(), List.of(), List.of());
    }

    /** Every name's normalised value, the one asked for included. */
    public Set<String> values() {
        Set<String> values = new LinkedHashSet<>();
        values.add(MailboxName.normalised(asked));
        names.forEach(name -> values.add(name.value()));
        return values;
    }

    /** Whether any of the given normalised names is one of this mailbox's. */
    public boolean namedByAnyOf(Set<String> candidates) {
        Set<String> values = values();
        for (String candidate : candidates) {
            if (values.contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
