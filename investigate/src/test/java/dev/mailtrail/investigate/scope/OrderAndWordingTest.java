package dev.mailtrail.investigate.scope;

import static dev.mailtrail.investigate.scope.Records.ALICE;
import static dev.mailtrail.investigate.scope.Records.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.event.FolderRef;
import dev.mailtrail.core.event.NameValue;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The timeline's order within a second, and how deletes and empty subjects are said. */
class OrderAndWordingTest {
    private static final String IP = "203.0.113.5";
    private static final AttackerHints BY_IP = new AttackerHints(Set.of(IP), Set.of(), Set.of());

    private static Scope scope(List<AuditRecord> records) {
        return new ScopeAnalysis().analyse(records, new ScopeQuery(ALICE, null, null, BY_IP));
    }

    private static AuditRecord delete(String operation, int recordType, String itemId) {
        return Records.mailbox("09:00:00", operation, recordType, "s-evil", IP)
                .folder(new FolderRef("F", "\\Inbox"))
                .affectedItems(List.of(new RecordItem(itemId, "", "<m@x>", 1L, null)))
                .build();
    }

    @Test
    void aMessageMovedSoftDeletedAndHardDeletedInOneSecondIsOneItemWithItsChainInOrder() {
        List<AuditRecord> records = List.of(
                delete("HardDelete", 3, "I3"), delete("SoftDelete", 3, "I2"), delete("MoveToDeletedItems", 3, "I1"));

        Scope scope = scope(records);

        assertThat(scope.statement()).contains("deleted 1 item (<m@x>: MoveToDeletedItems → SoftDelete → HardDelete)");
        assertThat(scope.timeline())
                .extracting(TimelineEntry::description)
                .containsExactly(
                        "MoveToDeletedItems 1 item from \\Inbox: (no subject)",
                        "SoftDelete 1 item from \\Inbox: (no subject)",
                        "HardDelete 1 item from \\Inbox: (no subject)");
    }

    @Test
    void withinASecondTheLoginComesBeforeTheSearchBeforeTheRead() {
        List<AuditRecord> records = List.of(
                Records.bind("09:00:00", "s-evil", IP, "\\Inbox", "<a@x>"),
                Records.mailbox("09:00:00", "SearchQueryInitiatedExchange", 2, "s-evil", IP)
                        .operationProperties(List.of(new NameValue("SearchQueryText", "invoice")))
                        .build(),
                Records.mailbox("09:00:00", "MailboxLogin", 2, "s-evil", IP).build());

        Scope scope = scope(records);

        assertThat(scope.timeline()).extracting(TimelineEntry::what).containsExactly("signed in", "searched", "read");
    }

    @Test
    void fractionalSecondsOrderBeforeTheChain() {
        List<AuditRecord> records = List.of(
                Records.mailbox("09:00:00", "MailboxLogin", 2, "s-evil", IP)
                        .creationTime(at("09:00:00.700"))
                        .build(),
                Records.mailbox("09:00:00", "SearchQueryInitiatedExchange", 2, "s-evil", IP)
                        .creationTime(at("09:00:00.200"))
                        .build());

        Scope scope = scope(records);

        assertThat(scope.timeline()).extracting(TimelineEntry::what).containsExactly("searched", "signed in");
    }
}
