package dev.mailtrail.investigate.scope;

import dev.mailtrail.core.record.AuditRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes sessions of a mailbox that look like someone else's, without knowing the attacker and without ASN or
 * geolocation data: an IP or a client string the mailbox had not used before, one session from several IPs,
 * activity at hours the mailbox is otherwise quiet, throttled reading, access from outside the organisation.
 * Records are given in time order; those before the window count as the mailbox's history.
 */
final class SuspiciousSessionFinder {
    /** Fewer records than this give no idea of a mailbox's usual hours. */
    private static final int HOURS_NEED_RECORDS = 20;
    /** An hour (with its neighbours) holding less than this share of the other sessions' records is unusual. */
    private static final double UNUSUAL_HOUR_SHARE = 0.02;
    /** A mailbox's owner changes a rule now and then; this many from one IP in the window is a campaign. */
    private static final int MANY_RULE_CHANGES = 3;

    private final ScopeQuery query;
    private final Set<String> knownIps = new HashSet<>();
    private final Set<String> knownClients = new HashSet<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final int[] hours = new int[24];
    private final Map<String, Session> ruleChangesByIp = new LinkedHashMap<>();
    private long records;

    SuspiciousSessionFinder(ScopeQuery query) {
        this.query = query;
    }

    /**
     * A cmdlet run against the mailbox, in time order: inbox rule changes are counted per client IP (without its
     * source port, which changes with every connection), since an attacker sets up many rules from one place.
     */
    void acceptCmdlet(AuditRecord record) {
        String ip = AttackerHints.clientIp(record);
        if (ip != null && isRuleChange(record.operation()) && query.inWindow(record.creationTime())) {
            ruleChangesByIp
                    .computeIfAbsent(ip, unused -> new Session("IP " + ip))
                    .addCmdlet(record, ip);
        }
    }

    private static boolean isRuleChange(String operation) {
        String name = operation == null ? "" : operation.toLowerCase(Locale.ROOT);
        return name.endsWith("-inboxrule") || name.equals("updateinboxrules");
    }

    /** A mailbox record (not an admin cmdlet), in time order. */
    void accept(AuditRecord record) {
        if ("UpdateInboxRules".equalsIgnoreCase(record.operation())) {
            acceptCmdlet(record);
        }
        AccessContext access = AccessContext.of(record);
        int hour = record.creationTime().atZone(ZoneOffset.UTC).getHour();
        hours[hour]++;
        records++;
        if (query.inWindow(record.creationTime())) {
            Session session = sessions.computeIfAbsent(access.sessionKey(), Session::new);
            session.add(record, access, hour, knownIps, knownClients);
        }
        if (access.ip() != null) {
            knownIps.add(access.ip());
        }
        if (record.clientInfoString() != null) {
            knownClients.add(record.clientInfoString());
        }
    }

    List<SuspiciousSession> finish() {
        List<SuspiciousSession> proposed = new ArrayList<>();
        for (Session session : sessions.values()) {
            List<String> reasons = new ArrayList<>(session.reasons);
            if (session.ips.size() > 1) {
                reasons.add("one session from " + session.ips.size() + " IPs");
            }
            String unusual = unusualHours(session);
            if (unusual != null) {
                reasons.add(unusual);
            }
            if (!reasons.isEmpty()) {
                proposed.add(new SuspiciousSession(
                        session.key,
                        List.copyOf(session.ips),
                        List.copyOf(session.clients),
                        List.copyOf(session.users),
                        session.first,
                        session.last,
                        session.records,
                        reasons));
            }
        }
        for (Session changes : ruleChangesByIp.values()) {
            if (changes.records >= MANY_RULE_CHANGES) {
                proposed.add(new SuspiciousSession(
                        changes.key,
                        List.copyOf(changes.ips),
                        List.copyOf(changes.clients),
                        List.copyOf(changes.users),
                        changes.first,
                        changes.last,
                        changes.records,
                        List.of("many rule changes from one IP: " + changes.records + " inbox rule changes from "
                                + changes.ips.iterator().next())));
            }
        }
        proposed.sort(Comparator.comparing((SuspiciousSession s) -> -s.reasons().size())
                .thenComparing(SuspiciousSession::first));
        return proposed;
    }

    private String unusualHours(Session session) {
        long others = records - session.records;
        if (others < HOURS_NEED_RECORDS) {
            return null;
        }
        Set<Integer> unusual = new TreeSet<>();
        for (int hour : session.hours.keySet()) {
            long around = 0;
            for (int offset = -1; offset <= 1; offset++) {
                int neighbour = Math.floorMod(hour + offset, 24);
                around += hours[neighbour] - session.hours.getOrDefault(neighbour, 0);
            }
            if (around < UNUSUAL_HOUR_SHARE * others) {
                unusual.add(hour);
            }
        }
        if (unusual.isEmpty()) {
            return null;
        }
        List<String> spans =
                unusual.stream().map(hour -> "%02d:00".formatted(hour)).toList();
        return "active at " + String.join(", ", spans) + " UTC, when the mailbox is otherwise quiet";
    }

    private static final class Session {
        final String key;
        final Set<String> ips = new LinkedHashSet<>();
        final Set<String> clients = new LinkedHashSet<>();
        final Set<String> users = new LinkedHashSet<>();
        final Set<String> reasons = new LinkedHashSet<>();
        final Map<Integer, Integer> hours = new LinkedHashMap<>();
        Instant first;
        Instant last;
        int records;

        Session(String key) {
            this.key = key;
        }

        void addCmdlet(AuditRecord record, String ip) {
            ips.add(ip);
            if (record.userId() != null) {
                users.add(record.userId());
            }
            first = first == null ? record.creationTime() : first;
            last = record.creationTime();
            records++;
        }

        void add(AuditRecord record, AccessContext access, int hour, Set<String> knownIps, Set<String> knownClients) {
            boolean hasHistory = !knownIps.isEmpty() || !knownClients.isEmpty();
            if (access.ip() != null && ips.add(access.ip()) && hasHistory && !knownIps.contains(access.ip())) {
                reasons.add("new IP " + access.ip() + " for the mailbox");
            }
            String client = record.clientInfoString();
            if (client != null && clients.add(client) && hasHistory && !knownClients.contains(client)) {
                reasons.add("new client \"" + client + "\" for the mailbox");
            }
            if (record.userId() != null) {
                users.add(record.userId());
            }
            if (record.isThrottled()) {
                reasons.add("reading throttled (more than 1,000 MailItemsAccessed records in 24 hours)");
            }
            if (Boolean.TRUE.equals(record.externalAccess())) {
                reasons.add("external access");
            }
            hours.merge(hour, 1, Integer::sum);
            first = first == null ? record.creationTime() : first;
            last = record.creationTime();
            records++;
        }
    }
}
