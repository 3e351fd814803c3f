package dev.mailtrail.core.generate;

import static dev.mailtrail.core.generate.Replay.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailtrail.core.action.LogonType;
import dev.mailtrail.core.action.MailAccessType;
import dev.mailtrail.core.action.MailboxAction;
import dev.mailtrail.core.decision.Verdict;
import dev.mailtrail.core.event.MailboxAccess;
import dev.mailtrail.core.record.AuditRecord;
import dev.mailtrail.core.record.RecordItem;
import dev.mailtrail.core.record.RecordType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Audited actions other than MailItemsAccessed, Delegate FolderBind, and what is not audited. */
class RecordGeneratorMailboxRecordTest {
    private static final String BOB = "bob@contoso.com";

    private final Replay replay = new Replay();
    private final Access alice = Access.owner("alice@contoso.com");
    private final Access bob = alice.by(BOB, LogonType.DELEGATE);

    @Test
    void itemActionsAreOneExchangeItemRecordPerItem() {
        replay.accept(alice.operation(at(0), MailboxAction.SEND, "A", "B"));

        assertThat(replay.records).hasSize(2).allSatisfy(r -> {
            assertThat(r.recordType()).isEqualTo(RecordType.EXCHANGE_ITEM);
            assertThat(r.operation()).isEqualTo("Send");
            assertThat(r.item().parentFolder().path()).isEqualTo("\\Inbox");
        });
        assertThat(replay.records)
                .extracting(r -> r.item().internetMessageId())
                .containsExactly("<A@contoso.com>", "<B@contoso.com>");
    }

    @Test
    void deletesAreOneExchangeItemGroupRecordWithTheAffectedItems() {
        replay.accept(bob.move(at(0), MailboxAction.MOVE_TO_DELETED_ITEMS, "\\Deleted Items", "A", "B"));

        AuditRecord record = replay.records.getFirst();
        assertThat(record.recordType()).isEqualTo(RecordType.EXCHANGE_ITEM_GROUP);
        assertThat(record.folder().path()).isEqualTo("\\Inbox");
        assertThat(record.destFolder().path()).isEqualTo("\\Deleted Items");
        assertThat(record.affectedItems()).extracting(RecordItem::id).containsExactly("A", "B");
        assertThat(record.crossMailboxOperation()).isFalse();
        assertThat(record.logonType()).isEqualTo(2);
    }

    @Test
    void searchesAreExchangeSearchRecords() {
        replay.run(at(0), "Set-Mailbox alice@contoso.com -AuditOwner @{Add='SearchQueryInitiated'}");
        replay.accept(alice.operation(at(1), MailboxAction.SEARCH_QUERY_INITIATED));

        assertThat(replay.records.getLast().recordType()).isEqualTo(RecordType.EXCHANGE_SEARCH);
        assertThat(replay.records.getLast().operation()).isEqualTo("SearchQueryInitiatedExchange");
    }

    @Test
    void delegateFolderBindIsRecordedOncePerFolderPerDay() {
        replay.run(at(0), "Set-Mailbox alice@contoso.com -AuditDelegate @{Add='FolderBind'}");

        replay.accept(bob.operation(at(10), MailboxAction.FOLDER_BIND));
        replay.accept(bob.operation(at(Duration.ofHours(5)), MailboxAction.FOLDER_BIND));
        replay.accept(bob.in("\\Finance").operation(at(Duration.ofHours(6)), MailboxAction.FOLDER_BIND));
        replay.accept(bob.operation(at(Duration.ofHours(24).plusSeconds(10)), MailboxAction.FOLDER_BIND));

        List<AuditRecord> binds = replay.records.stream()
                .filter(r -> r.operation().equals("FolderBind"))
                .toList();
        assertThat(binds)
                .extracting(r -> r.folder().path(), AuditRecord::creationTime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("\\Inbox", at(10)),
                        org.assertj.core.groups.Tuple.tuple("\\Finance", at(Duration.ofHours(6))),
                        org.assertj.core.groups.Tuple.tuple(
                                "\\Inbox", at(Duration.ofHours(24).plusSeconds(10))));
        assertThat(replay.statistics().folderBindsDeduplicated()).isEqualTo(1);
    }

    @Test
    void adminFolderBindIsNotDeduplicated() {
        Access admin = alice.by("admin@contoso.com", LogonType.ADMIN);
        replay.run(at(0), "Set-Mailbox alice@contoso.com -AuditAdmin @{Add='FolderBind'}");

        replay.accept(admin.operation(at(10), MailboxAction.FOLDER_BIND));
        replay.accept(admin.operation(at(20), MailboxAction.FOLDER_BIND));

        assertThat(replay.records)
                .filteredOn(r -> r.operation().equals("FolderBind"))
                .hasSize(2);
    }

    @Test
    void whatIsNotAuditedIsCountedByReason() {
        replay.run(at(0), "Set-MailboxAuditBypassAssociation svc@contoso.com -AuditBypassEnabled $true");

        Acceptance login = replay.accept(alice.operation(at(1), MailboxAction.MAILBOX_LOGIN));
        replay.accept(alice.by("svc@contoso.com", LogonType.DELEGATE).bind(at(2), "A", "B"));

        assertThat(login.decision().reason()).isEqualTo("not audited: Owner list lacks MailboxLogin");
        assertThat(replay.statistics().notAudited())
                .containsEntry(Verdict.NOT_IN_LIST, 1L)
                .containsEntry(Verdict.AUDIT_BYPASS, 1L)
                .doesNotContainKey(Verdict.AUDITED);
        assertThat(replay.statistics().bindsNotAudited()).isEqualTo(2);
        assertThat(replay.statistics().events()).isEqualTo(3);
        assertThat(replay.flush()).hasSize(1);
    }

    @Test
    void onlyMailItemsAccessedBindsCountAsBinds() {
        MailboxAccess login = new MailboxAccess(
                at(1),
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.MAILBOX_LOGIN,
                MailAccessType.BIND,
                null,
                null,
                null,
                List.of(Access.message("A")),
                null,
                null);
        MailboxAccess delete = new MailboxAccess(
                at(2),
                "alice@contoso.com",
                "alice@contoso.com",
                LogonType.OWNER,
                MailboxAction.SOFT_DELETE,
                MailAccessType.BIND,
                null,
                null,
                null,
                List.of(Access.message("B")),
                null,
                null);

        replay.accept(login);
        replay.accept(delete);

        assertThat(replay.records).extracting(AuditRecord::operation).containsExactly("SoftDelete");
        assertThat(replay.statistics().bindsSeen()).isZero();
    }
}
