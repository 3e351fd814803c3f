package dev.mailtrail.app.search;

import dev.mailtrail.store.log.AuditLogSearch;
import dev.mailtrail.store.log.FoundRecord;
import dev.mailtrail.store.log.RecordQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code Search-MailboxAuditLog} without {@code -ShowDetails}: one summary per mailbox searched — who owns it, when
 * its log was last written, how many entries match — as Exchange returns without details.
 */
public final class MailboxSummaryList {
    private MailboxSummaryList() {}

    public static void write(AuditLogSearch log, RecordQuery query, List<String> mailboxes, PrintStream out)
            throws IOException {
        for (String mailbox : mailboxes) {
            RecordQuery one = query.withMailboxes(Set.of(mailbox));
            FoundRecord[] newest = {null};
            log.search(one, 1, found -> {
                newest[0] = found;
                return false;
            });
            long entries = log.count(one);
            out.printf("%-25s : %s%n", "MailboxResolvedOwnerName", mailbox);
            out.printf(
                    "%-25s : %s%n",
                    "LastAccessed", newest[0] == null ? "" : ExchangeDates.powerShell(newest[0].creationTime()));
            out.printf("%-25s : %d%n", "EntryCount", entries);
            out.printf("%-25s : %s%n", "Identity", mailbox);
            out.println();
        }
    }
}
