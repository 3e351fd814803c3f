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
        return edit(query -> query.mailboxes = values);
    }

    public RecordQuery withUserIds(Set<String> values) {
        return edit(query -> query.userIds = values);
    }

    public RecordQuery withOperations(Set<String> values) {
        return edit(query -> query.operations = values);
    }

    public RecordQuery withRecordTypes(Set<Integer> values) {
        return edit(query -> query.recordTypes = values);
    }

    public RecordQuery withLogonTypes(Set<Integer> values) {
        return edit(query -> query.logonTypes = values);
    }

    public RecordQuery withIpAddresses(Set<String> values) {
        return edit(query -> query.ipAddresses = values);
    }

    public RecordQuery withObjectIds(Set<String> values) {
        return edit(query -> query.objectIds = values);
    }

    public RecordQuery withSessionIds(Set<String> values) {
        return edit(query -> query.sessionIds = values);
    }

    public RecordQuery withFreeText(List<String> values) {
        return edit(query -> query.freeText = values);
    }

    private RecordQuery edit(java.util.function.Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A query being changed: one field at a time, then checked and frozen again. */
    private static final class Draft {
        private final Instant start;
        private final Instant end;
        Set<String> mailboxes;
        Set<String> userIds;
        Set<String> operations;
        Set<Integer> recordTypes;
        Set<Integer> logonTypes;
        Set<String> ipAddresses;
        Set<String> objectIds;
        Set<String> sessionIds;
        List<String> freeText;

        Draft(RecordQuery query) {
            start = query.start;
            end = query.end;
            mailboxes = query.mailboxes;
            userIds = query.userIds;
            operations = query.operations;
            recordTypes = query.recordTypes;
            logonTypes = query.logonTypes;
            ipAddresses = query.ipAddresses;
            objectIds = query.objectIds;
            sessionIds = query.sessionIds;
            freeText = query.freeText;
        }

        RecordQuery build() {
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
                    freeText);
        }
    }
}
