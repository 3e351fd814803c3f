package dev.mailtrail.store.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a search asks for: always a time range ({@code start} inclusive, {@code end} exclusive), then any of the
 * Search-MailboxAuditLog / Search-UnifiedAuditLog filters. An empty set means "any"; values inside one filter
 * are alternatives, filters together must all hold. Text values compare case-insensitively, as Exchange does.
 *
 * @param mailboxes MailboxOwnerUPN (Search-MailboxAuditLog -Identity / -Mailboxes)
 * @param freeText terms every one of which must occur: an InternetMessageId, an item or folder id, a folder path,
 *     a word of a subject or of a rule's parameters
 */
public record RecordQuery(
        Instant start,
        Instant end,
        Set<String> mailboxes,
        Set<String> userIds,
        Set<String> operations,
        Set<Integer> recordTypes,
        Set<Integer> logonTypes,
        Set<String> ipAddresses,
        Set<String> objectIds,
        Set<String> sessionIds,
        List<String> freeText) {

    public RecordQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        mailboxes = Set.copyOf(mailboxes);
        userIds = Set.copyOf(userIds);
        operations = Set.copyOf(operations);
        recordTypes = Set.copyOf(recordTypes);
        logonTypes = Set.copyOf(logonTypes);
        ipAddresses = Set.copyOf(ipAddresses);
        objectIds = Set.copyOf(objectIds);
        sessionIds = Set.copyOf(sessionIds);
        freeText = List.copyOf(freeText);
    }

    /** Everything between two instants. */
    public static RecordQuery between(Instant start, Instant end) {
        return new RecordQuery(
                start, end, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of());
    }

    public RecordQuery withMailboxes(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                values,
                userIds,
                operations,
                recordTypes,
                logonTypes,
                ipAddresses,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withUserIds(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                values,
                operations,
                recordTypes,
                logonTypes,
                ipAddresses,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withOperations(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                values,
                recordTypes,
                logonTypes,
                ipAddresses,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withRecordTypes(Set<Integer> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                values,
                logonTypes,
                ipAddresses,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withLogonTypes(Set<Integer> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                recordTypes,
                values,
                ipAddresses,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withIpAddresses(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                recordTypes,
                logonTypes,
                values,
                objectIds,
                sessionIds,
                freeText);
    }

    public RecordQuery withObjectIds(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                recordTypes,
                logonTypes,
                ipAddresses,
                values,
                sessionIds,
                freeText);
    }

    public RecordQuery withSessionIds(Set<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                recordTypes,
                logonTypes,
                ipAddresses,
                objectIds,
                values,
                freeText);
    }

    public RecordQuery withFreeText(List<String> values) {
        return new RecordQuery(
                start,
                end,
                mailboxes,
                userIds,
                operations,
                recordTypes,
                logonTypes,
                ipAddresses,
                objectIds,
                sessionIds,
                values);
    }
}
