package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.investigate.importer.normalise.ClientAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What the analyst knows of the attacker: client IP addresses (compared without a source port), SessionIds and
 * acting accounts (UserId, case-insensitive). A record is the attacker's when it matches any of them.
 */
public record AttackerHints(Set<String> ips, Set<String> sessionIds, Set<String> userIds) {
    public AttackerHints {
        ips = normalised(ips, AttackerHints::ipOf);
        sessionIds = normalised(sessionIds, String::strip);
        userIds = normalised(userIds, user -> user.strip().toLowerCase(Locale.ROOT));
    }

    public static AttackerHints none() {
        return new AttackerHints(Set.of(), Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return ips.isEmpty() && sessionIds.isEmpty() && userIds.isEmpty();
    }

    /** Whether the record was made by the attacker as these hints describe them. */
    public boolean matches(AuditRecord record) {
        return matchesIp(record)
                || (record.sessionId() != null && sessionIds.contains(record.sessionId()))
                || (record.userId() != null && userIds.contains(record.userId().toLowerCase(Locale.ROOT)));
    }

    private boolean matchesIp(AuditRecord record) {
        if (ips.isEmpty()) {
            return false;
        }
        String address = ipOf(record.clientIpAddress());
        String ip = ipOf(record.clientIp());
        return (address != null && ips.contains(address)) || (ip != null && ips.contains(ip));
    }

    /** The client address of a record, without port, lower case; ClientIPAddress first, then ClientIP. */
    public static String clientIp(AuditRecord record) {
        String address = ipOf(record.clientIpAddress());
        return address != null ? address : ipOf(record.clientIp());
    }

    private static String ipOf(String text) {
        return ClientAddress.canonical(text);
    }

    private static Set<String> normalised(Collection<String> values, UnaryOperator<String> normalise) {
        Set<String> result = new TreeSet<>();
        for (String value : values == null ? Set.<String>of() : values) {
            if (value != null && !value.isBlank()) {
                result.add(normalise.apply(value));
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /** The hints as the analyst would read them: {@code IP 203.0.113.5, session 4f…, user eve@…}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "IP", ips);
        append(text, "session", sessionIds);
        append(text, "user", userIds);
        return text.toString();
    }

    private static void append(StringBuilder text, String label, Set<String> values) {
        for (String value : values) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(label).append(' ').append(value);
        }
    }
}
