package dev.mailtrail.investigate.mailboxes;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.mailboxes.MailboxName.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's mailboxes as sets of names: each link learned (from a record or a Get-Mailbox export) merges the sets
 * of its two names. A link that would merge two mailboxes with different UPNs is refused and kept aside, since
 * one mailbox has one UPN: a wrong inference must not attribute one mailbox's records to another.
 *
 * <p>Not thread-safe: one import or one scope owns it.
 */
public final class MailboxDirectory {
    private static final int EVIDENCE_PER_LINK = 1;

    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, MailboxName> names = new LinkedHashMap<>();
    private final Map<String, IdentityLink> links = new LinkedHashMap<>();
    private final Map<String, IdentityLink> refused = new LinkedHashMap<>();

    /** Learns what the record shows of mailbox names. */
    public void learn(AuditRecord record) {
        for (RecordNames.Pairing pairing : RecordNames.pairings(record)) {
            link(pairing.name(), pairing.other(), evidence(record, pairing.why()));
        }
    }

    /** Learns that two names are one mailbox's, because of the evidence. */
    public void link(MailboxName name, MailboxName other, String evidence) {
        link(new IdentityLink(name, other, evidence, EVIDENCE_PER_LINK));
    }

    /** Learns a link as stored (its evidence and count kept). */
    public void link(IdentityLink link) {
        String key = key(link.name(), link.other());
        IdentityLink known = links.get(key);
        if (known != null) {
            links.put(key, known.withOneMore());
            return;
        }
        IdentityLink refusal = refused.get(key);
        if (refusal != null) {
            refused.put(key, refusal.withOneMore());
            return;
        }
        String a = add(link.name());
        String b = add(link.other());
        String rootA = root(a);
        String rootB = root(b);
        if (!rootA.equals(rootB) && conflict(rootA, rootB)) {
            refused.put(key, link);
            return;
        }
        links.put(key, link);
        parent.put(rootA, rootB);
    }

    /** Every name of the mailbox that {@code anyName} names, and the links that merged them. */
    public MailboxIdentity identityOf(String anyName) {
        String value = MailboxName.normalised(anyName);
        if (!names.containsKey(value)) {
            return MailboxIdentity.only(anyName);
        }
        String root = root(value);
        Set<MailboxName> members = new LinkedHashSet<>();
        for (MailboxName name : names.values()) {
            if (root(name.value()).equals(root)) {
                members.add(name);
            }
        }
        List<IdentityLink> merged = new ArrayList<>();
        for (IdentityLink link : links.values()) {
            if (root(link.name().value()).equals(root)) {
                merged.add(link);
            }
        }
        List<IdentityLink> notMerged = new ArrayList<>();
        for (IdentityLink link : refused.values()) {
            if (root(link.name().value()).equals(root)
                    || root(link.other().value()).equals(root)) {
                notMerged.add(link);
            }
        }
        return new MailboxIdentity(anyName, members, merged, notMerged);
    }

    /** Every link learned, merged or refused, in the order learned: what a case stores. */
    public List<IdentityLink> links() {
        List<IdentityLink> all = new ArrayList<>(links.values());
        all.addAll(refused.values());
        return all;
    }

    /** A copy, so a scope can learn from its records without changing the case's directory. */
    public MailboxDirectory copy() {
        MailboxDirectory copy = new MailboxDirectory();
        links().forEach(copy::link);
        return copy;
    }

    public boolean isEmpty() {
        return links.isEmpty() && refused.isEmpty();
    }

    private boolean conflict(String rootA, String rootB) {
        Set<String> upnsA = upns(rootA);
        Set<String> upnsB = upns(rootB);
        return !upnsA.isEmpty() && !upnsB.isEmpty() && !upnsA.equals(upnsB);
    }

    private Set<String> upns(String root) {
        Set<String> upns = new LinkedHashSet<>();
        for (MailboxName name : names.values()) {
            if (name.kind() == Kind.UPN && root(name.value()).equals(root)) {
                upns.add(name.value());
            }
        }
        return upns;
    }

    private String add(MailboxName name) {
        MailboxName known = names.get(name.value());
        if (known == null || (known.kind() == Kind.OBJECT_NAME && name.kind() != Kind.OBJECT_NAME)) {
            // A name whose kind becomes known (a GUID seen first in an ObjectId) takes the better kind.
            names.put(name.value(), name);
        }
        parent.putIfAbsent(name.value(), name.value());
        return name.value();
    }

    private String root(String value) {
        String at = value;
        while (!parent.getOrDefault(at, at).equals(at)) {
            String up = parent.get(at);
            parent.put(at, parent.getOrDefault(up, up));
            at = up;
        }
        return at;
    }

    private static String key(MailboxName name, MailboxName other) {
        String a = name.value();
        String b = other.value();
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    private static String evidence(AuditRecord record, String why) {
        return "record " + (record.id() == null ? "without Id" : record.id()) + " (" + record.operation() + " "
                + record.creationTime() + "): " + why;
    }
}
