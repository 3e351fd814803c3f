package dev.mailtrail.investigate.scope;

import java.time.Instant;
import java.util.List;

/**
 * A session of the mailbox that looks like someone else's, proposed for the analyst to confirm.
 *
 * @param sessionKey its SessionId, or IP and client where the records carry none
 * @param reasons why it stands out, in words ({@code new IP 203.0.113.5 for the mailbox})
 */
public record SuspiciousSession(
        String sessionKey,
        List<String> ips,
        List<String> clients,
        List<String> users,
        Instant first,
        Instant last,
        int records,
        List<String> reasons) {
    public SuspiciousSession {
        ips = List.copyOf(ips);
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        reasons = List.copyOf(reasons);
    }
}
