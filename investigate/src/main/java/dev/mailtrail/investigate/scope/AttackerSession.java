package dev.mailtrail.investigate.scope;

import java.time.Instant;
import java.util.List;

/**
 * One of the attacker's sessions (a SessionId, or an IP and client where records carry none) with what it did.
 */
public record AttackerSession(
        String sessionKey,
        List<String> ips,
        List<String> clients,
        List<String> users,
        Instant first,
        Instant last,
        List<MessageRead> reads,
        List<FolderSync> syncs,
        List<AttackerAction> actions) {
    public AttackerSession {
        ips = List.copyOf(ips);
        clients = List.copyOf(clients);
        users = List.copyOf(users);
        reads = List.copyOf(reads);
        syncs = List.copyOf(syncs);
        actions = List.copyOf(actions);
    }
}
