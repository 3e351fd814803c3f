package dev.mailtrail.app.api.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The role groups, named as Purview names them: {@code Audit Logs} searches and exports, {@code View-Only Audit Logs}
 * only searches, {@code Audit Configuration} changes what is audited; MailTrail adds {@code Sensor} (posts events and
 * nothing else, for mail servers and scripts) and {@code Monitoring} (reads the metrics, for a Prometheus scraper).
 */
public enum Role {
    AUDIT_LOGS("Audit Logs", EnumSet.of(Right.SEARCH, Right.EXPORT)),
    VIEW_ONLY_AUDIT_LOGS("View-Only Audit Logs", EnumSet.of(Right.SEARCH)),
    AUDIT_CONFIGURATION("Audit Configuration", EnumSet.of(Right.CONFIGURE)),
    SENSOR("Sensor", EnumSet.of(Right.POST_EVENTS)),
    MONITORING("Monitoring", EnumSet.of(Right.READ_METRICS));

    private final String displayName;
    private final Set<Right> rights;

    Role(String displayName, Set<Right> rights) {
        this.displayName = displayName;
        this.rights = Set.copyOf(rights);
    }

    public String displayName() {
        return displayName;
    }

    public Set<Right> rights() {
        return rights;
    }

    /** The role of that display name, in any case ({@code "audit logs"}). */
    public static Role named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.displayName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role \"" + name + "\"; known: " + known()));
    }

    public static String known() {
        return Arrays.stream(values()).map(r -> "\"" + r.displayName + "\"").collect(Collectors.joining(", "));
    }
}
